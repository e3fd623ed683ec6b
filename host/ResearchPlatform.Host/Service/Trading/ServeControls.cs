using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Resilience.Snapshots;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The operator controls of a session (strategy stop/start, emergency stop and resume, forced position syncs made
/// through the API): each is applied under the runtime's gate, recorded with the bar it was applied after and written
/// to the state snapshot at once, so a process killed right after still has it. A restored session re-applies every
/// recorded control at its bar while it re-runs the stored bars (the journals then match) and continues in the state
/// the operator left: a stopped strategy stays stopped, a halted session stays halted until resumed.
/// </summary>
internal sealed class ServeControls(TimeProvider time, ILogger log)
{
    private readonly List<ControlRecord> _log = [];
    private int _replayed;

    /// <summary>Every control of the session so far, in order.</summary>
    public IReadOnlyList<ControlRecord> Log => _log;

    /// <summary>Raised (under the gate) when a halt or resume is applied: the halt reason, null after a resume.</summary>
    public event Action<string?>? HaltChanged;

    /// <summary>Starts from a restored snapshot's controls (none for a new session).</summary>
    public void Load(StateSnapshot? from)
    {
        _log.Clear();
        _log.AddRange(from?.Controls ?? []);
        _replayed = from is null ? _log.Count : 0;
    }

    /// <summary>Re-applies the restored controls recorded after bars up to <paramref name="bar"/> (call under the gate).</summary>
    public async Task ReplayAsync(TradingRuntime rt, int bar, CancellationToken ct)
    {
        for (; _replayed < _log.Count && _log[_replayed].Bar <= bar; _replayed++)
        {
            await ApplyAsync(rt, _log[_replayed], ct);
        }
    }

    /// <summary>Emergency stop through the API: cancels every working order and halts the replay; the orders cancelled.</summary>
    public async Task<int> HaltAsync(TradingRuntime rt, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rt);
        var cancelled = 0;
        await rt.UnderGateAsync(async () => cancelled = await ExecuteAsync(rt, "halt", null, reason, ct), ct);
        return cancelled;
    }

    /// <summary>Resumes a halted session through the API; false when it is not halted.</summary>
    public async Task<bool> ResumeAsync(TradingRuntime rt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rt);
        var resumed = false;
        await rt.UnderGateAsync(
            async () =>
            {
                if (resumed = rt.HaltReason is not null)
                {
                    await ExecuteAsync(rt, "resume", null, null, ct);
                }
            },
            ct);
        return resumed;
    }

    /// <summary>Starts or stops feeding orders to one strategy through the API; false when the id is unknown.</summary>
    public async Task<bool> SetRunningAsync(TradingRuntime rt, string id, bool running, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rt);
        var slot = rt.Slots.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        if (slot is not null)
        {
            await rt.UnderGateAsync(() => ExecuteAsync(rt, running ? "start" : "stop", slot.Id, null, ct), ct);
        }

        return slot is not null;
    }

    /// <summary>
    /// Applies an operator control now (call under the gate), records it and writes the snapshot; the number of orders
    /// a halt cancelled. Refused while a restored session re-runs its bars (its recorded controls are being re-applied).
    /// </summary>
    private async Task<int> ExecuteAsync(TradingRuntime rt, string action, string? strategy, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rt);
        if (rt.Restoring)
        {
            throw new InvalidOperationException("the session is being restored from its snapshot: try again when the restore completed");
        }

        var control = new ControlRecord(rt.BarIndex, action, time.GetUtcNow(), strategy, reason);
        var cancelled = await ApplyAsync(rt, control, ct);
        Record(rt, control);
        return cancelled;
    }

    /// <summary>Records a control already applied (a forced position sync) and writes the snapshot (call under the gate).</summary>
    public void Record(TradingRuntime rt, ControlRecord control)
    {
        ArgumentNullException.ThrowIfNull(rt);
        _log.Add(control);
        _replayed = _log.Count;
        if (rt.ReplayReady)
        {
            new SnapshotStore(rt.Settings.SnapshotPath).Write(ServeSnapshots.Capture(rt, "control", time.GetUtcNow()));
        }

        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("control {Action} {Strategy} after bar {Bar} recorded in the state snapshot", control.Action, control.Strategy ?? "", control.Bar);
        }
    }

    private async Task<int> ApplyAsync(TradingRuntime rt, ControlRecord c, CancellationToken ct)
    {
        var slot = c.Strategy is null ? null : rt.Slots.FirstOrDefault(s => string.Equals(s.Id, c.Strategy, StringComparison.OrdinalIgnoreCase));
        switch (c.Action)
        {
            case "stop" or "start" when slot is not null:
                slot.Running = c.Action == "start";
                return 0;
            case "position_sync" when slot?.Runner is not null && c.Symbol is not null:
                slot.Runner.Manager.Positions.ForceSet(c.Symbol, c.Quantity ?? 0m, c.EntryPrice ?? 0m);
                return 0;
            case "halt":
                rt.HaltReason = c.Reason ?? "emergency stop";
                var cancelled = 0;
                foreach (var runner in rt.Slots.Select(s => s.Runner).OfType<Engine.Paper.PaperStrategyRunner>())
                {
                    foreach (var order in runner.Manager.Orders.Where(o => !o.IsTerminal).ToList())
                    {
                        cancelled += await runner.Manager.CancelAsync(order.ClientOrderId, ct) ? 1 : 0;
                    }
                }

                HaltChanged?.Invoke(rt.HaltReason);
                return cancelled;
            case "resume":
                rt.HaltReason = null;
                HaltChanged?.Invoke(null);
                return 0;
            default:
                throw new InvalidOperationException($"control '{c.Action}' for '{c.Strategy}' cannot be applied");
        }
    }
}
