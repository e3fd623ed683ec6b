using System.Globalization;
using ResearchPlatform.Engine.Execution.Positions;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper.Live;

/// <summary>
/// Journal vs a real venue after a LIVE_TESTNET session, through the adapter's REST state: every journaled order's
/// filled quantity equals the venue's fills for its client order id, each client id maps to one venue order (nothing
/// placed twice), no venue fill in the window belongs to an order the journal does not know (nothing lost), the
/// position equals the start position plus the journals', and the net PnL rebuilt from the venue's fills and funding
/// payments (<see cref="LiveFunding"/>) equals the journal's (funding included on both sides).
/// </summary>
internal static class LiveVenueCheck
{
    public static async Task<PaperReconciliation[]> CompareAsync(IExchangeAdapter venue, IReadOnlyList<LiveStrategyRunner> runners, string symbol, decimal startPosition, decimal mark, IReadOnlyList<decimal> venueFunding, CancellationToken cancellationToken)
    {
        var orders = runners.SelectMany(r => r.Manager.Orders).ToList();
        var since = orders.Where(o => o.SubmittedAt is not null).Select(o => o.SubmittedAt!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var fills = since == DateTimeOffset.MaxValue ? [] : await venue.GetFillsAsync(since - TimeSpan.FromSeconds(5), cancellationToken);
        var ours = fills.Where(f => f.Symbol == symbol).ToLookup(f => f.ClientOrderId, StringComparer.Ordinal);
        var positions = await venue.GetPositionsAsync(cancellationToken);
        var venuePosition = positions.Where(p => p.Symbol == symbol).Sum(p => p.Quantity);
        var known = orders.Select(o => o.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        var strangers = ours.Where(g => !known.Contains(g.Key)).Select(g => g.Key).ToList();
        var journalTotal = runners.Sum(r => r.Manager.Positions.QuantityOf(symbol));
        var result = new PaperReconciliation[runners.Count];
        for (var i = 0; i < runners.Count; i++)
        {
            var r = runners[i];
            var problems = new List<string>();
            var book = new PositionBook();
            var most = 0;
            foreach (var o in r.Manager.Orders)
            {
                var theirs = ours[o.ClientOrderId].ToList();
                var filled = theirs.Sum(f => f.Quantity);
                if (filled != o.FilledQuantity)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"order {o.ClientOrderId}: journal filled {o.FilledQuantity}, venue {filled}"));
                }

                var placements = theirs.Select(f => f.ExchangeOrderId).Distinct(StringComparer.Ordinal).Count();
                most = Math.Max(most, placements);
                if (placements > 1)
                {
                    problems.Add($"order {o.ClientOrderId}: filled under {placements} venue orders");
                }

                foreach (var f in theirs)
                {
                    book.ApplyFill(symbol, f.Side, f.Quantity, f.Price, f.Fee);
                }
            }

            if (i == 0)
            {
                problems.AddRange(strangers.Select(id => $"venue fills for {id}, an order no journal of this session knows"));
                if (startPosition + journalTotal != venuePosition)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"position {symbol}: start {startPosition} + journals {journalTotal}, venue {venuePosition}"));
                }
            }

            book.ApplyFunding(symbol, venueFunding[i]);
            var mine = r.Manager.Positions.Snapshot(symbol, mark);
            var rebuilt = book.Snapshot(symbol, mark);
            if (mine.NetPnl != rebuilt.NetPnl)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"net PnL {symbol}: journal {mine.NetPnl} (funding {mine.Funding}), from venue fills and funding {rebuilt.NetPnl} (funding {venueFunding[i]})"));
            }

            var attributed = venuePosition - startPosition - (journalTotal - mine.Quantity);
            result[i] = new PaperReconciliation(r.Manager.Orders.Count, mine.Quantity, attributed, mine.NetPnl, rebuilt.NetPnl, most, problems);
        }

        return result;
    }
}
