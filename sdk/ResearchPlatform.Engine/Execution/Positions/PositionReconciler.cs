using ResearchPlatform.Engine.Execution.Retry;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Positions;

/// <summary>Compares the manager's positions with the venue's, raises an alert per discrepancy, and can force sync.</summary>
internal static class PositionReconciler
{
    public static async ValueTask<IReadOnlyList<PositionDiscrepancy>> CheckAsync(
        IExchangeAdapter venue, ExchangeRetryPipeline retry, PositionBook positions, decimal tolerance, bool forceSync, Action<string>? alert, CancellationToken cancellationToken)
    {
        var reported = await retry.ExecuteAsync(t => venue.GetPositionsAsync(t), cancellationToken);
        var venueBySymbol = reported.ToDictionary(p => p.Symbol, StringComparer.Ordinal);
        var symbols = positions.All().Select(p => p.Symbol).Union(venueBySymbol.Keys).Order(StringComparer.Ordinal);
        var found = new List<PositionDiscrepancy>();
        foreach (var s in symbols)
        {
            var expected = positions.QuantityOf(s);
            var actual = venueBySymbol.TryGetValue(s, out var vp) ? vp.Quantity : 0;
            if (Math.Abs(expected - actual) <= tolerance)
            {
                continue;
            }

            var d = new PositionDiscrepancy(s, expected, actual);
            found.Add(d);
            alert?.Invoke("ALERT " + d + (forceSync ? " (force sync: adopting venue)" : string.Empty));
            if (forceSync)
            {
                positions.ForceSet(s, actual, vp?.EntryPrice ?? 0);
            }
        }

        return found;
    }
}
