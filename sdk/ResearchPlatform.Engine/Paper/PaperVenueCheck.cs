using System.Globalization;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// Compares an order manager's journal-built state with its simulated venue's books without going through the request
/// path (no latency, no faults, so checking changes nothing): used when a resumed session has caught up and at the end.
/// </summary>
internal static class PaperVenueCheck
{
    public static PaperReconciliation Compare(OrderManager manager, SimulatedVenue venue, string symbol, decimal mark)
    {
        var problems = new List<string>();
        var orders = manager.Orders;
        foreach (var o in orders)
        {
            var v = venue.Peek(o.ClientOrderId);
            if (v is null)
            {
                if (o.SubmittedAt is not null)
                {
                    problems.Add($"order {o.ClientOrderId}: journal {o.State}, unknown to the venue");
                }

                continue;
            }

            if (!Agree(o.State, v.Status))
            {
                problems.Add($"order {o.ClientOrderId}: journal {o.State}, venue {v.Status}");
            }

            if (v.FilledQuantity != o.FilledQuantity)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"order {o.ClientOrderId}: journal filled {o.FilledQuantity}, venue {v.FilledQuantity}"));
            }
        }

        var mine = manager.Positions.Snapshot(symbol, mark);
        var theirs = venue.PeekPosition(symbol, mark);
        if (mine.Quantity != theirs.Quantity)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"position {symbol}: journal {mine.Quantity}, venue {theirs.Quantity}"));
        }

        if (mine.NetPnl != theirs.NetPnl)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"net PnL {symbol}: journal {mine.NetPnl}, venue {theirs.NetPnl}"));
        }

        var placements = venue.Placements;
        var most = placements.Count == 0 ? 0 : placements.Values.Max();
        foreach (var (id, n) in placements.Where(p => p.Value > 1))
        {
            problems.Add($"order {id}: reached the venue {n} times");
        }

        return new PaperReconciliation(orders.Count, mine.Quantity, theirs.Quantity, mine.NetPnl, theirs.NetPnl, most, problems);
    }

    private static bool Agree(OrderState journal, VenueOrderStatus venue) => venue switch
    {
        VenueOrderStatus.Filled => journal == OrderState.Filled,
        VenueOrderStatus.Canceled => journal == OrderState.Canceled,
        VenueOrderStatus.Rejected => journal == OrderState.Rejected,
        VenueOrderStatus.Expired => journal == OrderState.Expired,
        _ => !OrderStateMachine.IsTerminal(journal),
    };
}
