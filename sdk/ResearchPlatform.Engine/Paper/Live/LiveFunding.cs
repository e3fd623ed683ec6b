using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper.Live;

/// <summary>
/// The funding the venue charged the account during a LIVE_TESTNET session (adapters with
/// <see cref="IFundingPaymentSource"/>, e.g. Hyperliquid's userFunding), booked on the strategies' positions. A payment
/// on the account position <c>szi</c> belongs to the session's strategies for the part <c>(szi - start position) / szi</c>
/// (a position the account held before the session keeps its own funding); with several strategies that part is split
/// by each one's position at the newest bar opened before the funding time (equally when those are all flat).
/// </summary>
internal static class LiveFunding
{
    /// <summary>Books the payments with funding time from <paramref name="from"/> (venue time) on; returns the total booked per runner.</summary>
    public static async Task<decimal[]> BookAsync(IExchangeAdapter venue, IReadOnlyList<LiveStrategyRunner> runners, string symbol, decimal startPosition, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var booked = new decimal[runners.Count];
        if (venue is not IFundingPaymentSource source || runners.Count == 0)
        {
            return booked;
        }

        var payments = await source.GetFundingPaymentsAsync(from, DateTimeOffset.UnixEpoch.AddYears(100), cancellationToken);
        foreach (var p in payments.Where(p => p.Symbol == symbol && p.PositionQuantity != 0))
        {
            var ours = p.Amount * (p.PositionQuantity - startPosition) / p.PositionQuantity;
            var weights = runners.Select(r => r.QuantityBefore(p.Time)).ToArray();
            var total = weights.Sum();
            for (var i = 0; i < runners.Count; i++)
            {
                booked[i] += runners.Count == 1 ? ours : total != 0 ? ours * weights[i] / total : ours / runners.Count;
            }
        }

        for (var i = 0; i < runners.Count; i++)
        {
            runners[i].Manager.Positions.ApplyFunding(symbol, booked[i]);
        }

        return booked;
    }
}
