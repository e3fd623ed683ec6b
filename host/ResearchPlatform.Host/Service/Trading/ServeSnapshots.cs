using System.Globalization;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Resilience.Snapshots;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The service's state snapshots: which stored snapshot can be restored, what a snapshot of the runtime holds, how a
/// restored state is compared with its snapshot, and the reconciliation that completes a restore.
/// </summary>
internal static class ServeSnapshots
{
    /// <summary>The stored snapshot when it describes a session over the same bars and strategies; null otherwise (logged).</summary>
    public static StateSnapshot? FindRestorable(SnapshotStore store, BarSeries bars, ServeSettings settings, IReadOnlyList<StrategySlot> slots, ILogger log)
    {
        StateSnapshot? snapshot;
        try
        {
            snapshot = store.TryRead();
        }
        catch (SnapshotException ex)
        {
            log.LogWarning("state snapshot not used: {Error}; starting a new session", ex.Message);
            return null;
        }

        if (snapshot is null)
        {
            return null;
        }

        var why = snapshot.Symbol != bars.Symbol ? $"symbol {snapshot.Symbol} (now {bars.Symbol})"
            : snapshot.Interval != settings.ReplayInterval ? $"interval {snapshot.Interval} (now {settings.ReplayInterval})"
            : snapshot.BarCount != bars.Count ? $"{snapshot.BarCount} bars (now {bars.Count})"
            : snapshot.FirstBar != bars.TimeAt(0) ? $"first bar {snapshot.FirstBar:O} (now {bars.TimeAt(0):O})"
            : !snapshot.Strategies.Select(s => s.Id).SequenceEqual(slots.Select(s => s.Id), StringComparer.Ordinal) ? "other strategies"
            : null;
        if (why is null)
        {
            return snapshot;
        }

        log.LogWarning("state snapshot {Path} (session {Session}) not restored: it covers {Why}; starting a new session", store.Path, snapshot.Session, why);
        return null;
    }

    /// <summary>The runtime's state now (call under the runtime's gate).</summary>
    public static StateSnapshot Capture(TradingRuntime rt, string reason, DateTimeOffset now)
    {
        var bars = rt.Bars!;
        var mark = (decimal)bars.Close[Math.Max(rt.BarIndex, 0)];
        var strategies = rt.Slots.Select(slot =>
        {
            var runner = slot.Runner!;
            var p = runner.Manager.Positions.Snapshot(bars.Symbol, mark);
            var check = runner.CheckVenue();
            var open = runner.Manager.Orders.Where(o => !o.IsTerminal)
                .Select(o => new OpenOrderState(o.ClientOrderId, o.Order.Side.ToString().ToLowerInvariant(), o.State.ToString().ToLowerInvariant(), o.Order.Quantity, o.FilledQuantity)).ToList();
            return new StrategyState(
                slot.Id, slot.Strategy.Seed.Id, [.. slot.Strategy.Genes], slot.Running, slot.LastBar, Path.GetFileName(JournalFile(rt, slot)), slot.Journal?.Entries ?? 0,
                p.Quantity, p.NetPnl, slot.Equity.Count > 0 ? slot.Equity[^1] : (double)rt.Settings.CashPerStrategy, open,
                new ReconciliationState(rt.BarIndex, check.OrdersChecked, check.JournalPosition, check.VenuePosition, check.MaxPlacementsPerOrder, check.Problems));
        }).ToList();
        return new StateSnapshot
        {
            TakenAt = now,
            Reason = reason,
            Session = rt.Session!,
            Symbol = bars.Symbol,
            Interval = rt.Settings.ReplayInterval,
            BarCount = bars.Count,
            FirstBar = bars.TimeAt(0),
            Bar = rt.BarIndex,
            Finished = rt.Finished,
            HaltReason = rt.HaltReason,
            Equity = rt.Curve.Count > 0 ? rt.Curve[^1].Equity : rt.InitialEquity,
            Peak = rt.Peak,
            MaxDrawdownPct = rt.MaxDrawdownPct,
            RiskLevel = (rt.Risk?.Level ?? Sdk.Risk.RiskLevel.Low).ToString().ToLowerInvariant(),
            Restores = rt.RestoredFrom is null ? 0 : rt.RestoredFrom.Restores + 1,
            Strategies = strategies,
            Controls = [.. rt.Controls.Log],
        };
    }

    /// <summary>Differences between a snapshot and the re-run state at the snapshot's bar (empty = equal).</summary>
    public static List<string> Compare(StateSnapshot snapshot, TradingRuntime rt)
    {
        var problems = new List<string>();
        var symbol = rt.Bars!.Symbol;
        var mark = (decimal)rt.Bars.Close[Math.Max(snapshot.Bar, 0)];
        foreach (var (stored, slot) in snapshot.Strategies.Zip(rt.Slots))
        {
            var p = slot.Runner!.Manager.Positions.Snapshot(symbol, mark);
            if (p.Quantity != stored.Position)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{slot.Id}: position {p.Quantity} after the re-run, snapshot {stored.Position}"));
            }

            if (Math.Round(p.NetPnl, 6) != Math.Round(stored.NetPnl, 6))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{slot.Id}: net PnL {p.NetPnl} after the re-run, snapshot {stored.NetPnl}"));
            }

            var open = slot.Runner.Manager.Orders.Where(o => !o.IsTerminal).Select(o => o.ClientOrderId).ToHashSet(StringComparer.Ordinal);
            if (!open.SetEquals(stored.OpenOrders.Select(o => o.ClientOrderId)))
            {
                problems.Add($"{slot.Id}: open orders [{string.Join(",", open.Order(StringComparer.Ordinal))}] after the re-run, snapshot [{string.Join(",", stored.OpenOrders.Select(o => o.ClientOrderId))}]");
            }
        }

        return problems;
    }

    /// <summary>
    /// Completes a restore (call under the gate): each runner records its catch-up check, its order manager reconciles
    /// every open order with the venue by client order id, and journal and venue are compared.
    /// </summary>
    public static async Task<RestoreReport> CompleteRestoreAsync(TradingRuntime rt, int bar, List<string> snapshotProblems, CancellationToken ct)
    {
        var problems = new List<string>(snapshotProblems);
        var verified = 0;
        var reconciled = 0;
        var checkedOrders = 0;
        var maxPlacements = 0;
        foreach (var slot in rt.Slots.Where(s => s.Runner is not null))
        {
            var runner = slot.Runner!;
            if (slot.CatchUp is { } c)
            {
                verified += c.Verified;
                if (c.CatchingUp)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{slot.Id}: the re-run reproduced {c.Verified} of {c.Stored} stored journal entries"));
                }
            }

            var check = runner.CheckVenue();
            if (!check.Agrees || runner.Manager.Orders.Any(o => o.NeedsReconciliation))
            {
                // the venue disagrees with the journal: ask it order by order (queries move the simulated venue's
                // latency clock, so a replay that agrees is not queried and stays identical to an uninterrupted one)
                reconciled += await runner.Manager.ReconcileAsync(ct);
                check = runner.CheckVenue();
            }

            checkedOrders += check.OrdersChecked;
            maxPlacements = Math.Max(maxPlacements, check.MaxPlacementsPerOrder);
            problems.AddRange(check.Problems.Select(p => $"{slot.Id}: {p}"));
        }

        return new RestoreReport(rt.Session!, rt.RestoredFrom!.Bar, bar, verified, checkedOrders, reconciled, maxPlacements, problems);
    }

    private static string JournalFile(TradingRuntime rt, StrategySlot slot) => Path.Combine(rt.Settings.JournalFolder, $"{rt.Session}-{slot.Id}.jsonl");
}
