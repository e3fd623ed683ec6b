using System.Globalization;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Resilience.Snapshots;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Positions reconciliation for <c>/api/positions</c>: each strategy's expected position (its order manager's book,
/// built from the journal's fills) against the position on the VENUE's account. The simulated venue's account is read
/// with <see cref="SimulatedVenue.PeekPosition"/> (its books, outside the request path: a query through
/// <see cref="IExchangeAdapter.GetPositionsAsync"/> would spend simulated latency and seeded jitter and so change the
/// replay); any other venue through <see cref="IExchangeAdapter.GetPositionsAsync"/>. A strategy+symbol that turns to
/// mismatch raises a warning alert (<c>position_mismatch:STRATEGY:SYMBOL</c>) once, until it matches again; a forced
/// sync adopts the venue's quantity and entry price. Callers hold <see cref="TradingRuntime.Gate"/>.
/// </summary>
internal sealed class PositionReconciliation(IAlertPublisher alerts, TimeProvider time)
{
    private readonly HashSet<string> _mismatched = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Quantities closer than this are matched (decimal books: exact unless a venue rounds).</summary>
    public decimal Tolerance { get; init; }

    /// <summary>Every position either side holds, with the reconciliation status; alerts on new mismatches.</summary>
    public async Task<IReadOnlyList<PositionView>> CheckAsync(TradingRuntime rt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rt);
        var rows = new List<PositionView>();
        if (rt.Bars is not { } bars || rt.BarIndex < 0)
        {
            return rows;
        }

        var mark = (decimal)bars.Close[rt.BarIndex];
        foreach (var slot in rt.Slots.Where(s => s.Runner is not null))
        {
            var venue = await VenuePositionAsync(slot.Runner!.Venue, bars.Symbol, mark, ct);
            var mine = slot.Runner!.Manager.Positions.Snapshot(bars.Symbol, mark);
            var matched = Math.Abs(mine.Quantity - venue.Quantity) <= Tolerance;
            Track(slot.Id, bars.Symbol, matched, mine.Quantity, venue.Quantity);
            if (mine.Quantity != 0 || venue.Quantity != 0)
            {
                rows.Add(new PositionView(
                    slot.Id, bars.Symbol, (double)mine.Quantity, (double)mine.AverageEntryPrice, (double)mark, (double)mine.UnrealizedPnl,
                    matched, (double)venue.Quantity, (double)venue.EntryPrice, matched ? "matched" : "mismatch"));
            }
        }

        return rows;
    }

    /// <summary>Adopts the venue's position wherever the order manager's differs; returns what changed.</summary>
    public async Task<IReadOnlyList<PositionSyncView>> SyncAsync(TradingRuntime rt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rt);
        if (rt.Restoring)
        {
            throw new InvalidOperationException("the session is being restored from its snapshot: try again when the restore completed");
        }

        var synced = new List<PositionSyncView>();
        if (rt.Bars is not { } bars || rt.BarIndex < 0)
        {
            return synced;
        }

        var mark = (decimal)bars.Close[rt.BarIndex];
        foreach (var slot in rt.Slots.Where(s => s.Runner is not null))
        {
            var venue = await VenuePositionAsync(slot.Runner!.Venue, bars.Symbol, mark, ct);
            var book = slot.Runner!.Manager.Positions;
            var expected = book.QuantityOf(bars.Symbol);
            if (Math.Abs(expected - venue.Quantity) <= Tolerance)
            {
                continue;
            }

            book.ForceSet(bars.Symbol, venue.Quantity, venue.EntryPrice);
            rt.Controls.Record(rt, new ControlRecord(rt.BarIndex, "position_sync", time.GetUtcNow(), slot.Id, "forced sync through the API", bars.Symbol, venue.Quantity, venue.EntryPrice));
            synced.Add(new PositionSyncView(slot.Id, bars.Symbol, (double)expected, (double)venue.Quantity));
            alerts.Publish(new Alert(
                AlertLevel.Informational, AlertCategory.Trading, $"position_sync:{slot.Id}:{bars.Symbol}", $"Position synced {bars.Symbol} ({slot.Id})",
                string.Create(CultureInfo.InvariantCulture, $"forced sync: order manager {expected} -> venue {venue.Quantity} {bars.Symbol}"),
                "order_manager", Context(slot.Id, bars.Symbol, expected, venue.Quantity), time.GetUtcNow()));
            Track(slot.Id, bars.Symbol, matched: true, venue.Quantity, venue.Quantity);
        }

        return synced;
    }

    private static async Task<VenuePosition> VenuePositionAsync(IExchangeAdapter venue, string symbol, decimal mark, CancellationToken ct)
    {
        if (venue is SimulatedVenue simulated)
        {
            var p = simulated.PeekPosition(symbol, mark);
            return new VenuePosition(symbol, p.Quantity, p.AverageEntryPrice);
        }

        var positions = await venue.GetPositionsAsync(ct);
        return positions.FirstOrDefault(p => string.Equals(p.Symbol, symbol, StringComparison.Ordinal)) ?? new VenuePosition(symbol, 0m, 0m);
    }

    private void Track(string strategy, string symbol, bool matched, decimal expected, decimal venue)
    {
        var key = $"position_mismatch:{strategy}:{symbol}";
        bool raise;
        lock (_gate)
        {
            raise = !matched && _mismatched.Add(key);
            if (matched)
            {
                _mismatched.Remove(key);
            }
        }

        if (raise)
        {
            alerts.Publish(new Alert(
                AlertLevel.Warning, AlertCategory.Trading, key, $"Position mismatch {symbol} ({strategy})",
                string.Create(CultureInfo.InvariantCulture, $"order manager expects {expected} {symbol}, the venue holds {venue}: check fills, or POST /api/positions/sync to adopt the venue's position"),
                "order_manager", Context(strategy, symbol, expected, venue), time.GetUtcNow()));
        }
    }

    private static Dictionary<string, string> Context(string strategy, string symbol, decimal expected, decimal venue) => new(StringComparer.Ordinal)
    {
        ["strategy_id"] = strategy,
        ["symbol"] = symbol,
        ["expected_quantity"] = expected.ToString(CultureInfo.InvariantCulture),
        ["venue_quantity"] = venue.ToString(CultureInfo.InvariantCulture),
    };
}
