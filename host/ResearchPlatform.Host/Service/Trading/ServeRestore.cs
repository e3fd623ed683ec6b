using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Resilience.Snapshots;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The restore of a session from its state snapshot: the snapshot it started from, the comparison at the snapshot's bar,
/// and the restore report once every running journal is caught up (published as a <c>resilience:restore</c> alert).
/// </summary>
internal sealed class ServeRestore(TimeProvider time, IAlertPublisher alerts, ILogger log)
{
    private List<string> _snapshotMismatches = [];

    /// <summary>The snapshot this run was restored from (null for a new session).</summary>
    public StateSnapshot? From { get; set; }

    /// <summary>The restore's outcome once the re-run caught up with the journals and reconciled (null before).</summary>
    public RestoreReport? Report { get; private set; }

    /// <summary>True while a restored session re-runs its stored bars.</summary>
    public bool Restoring => From is not null && Report is null;

    /// <summary>Called after bar <paramref name="i"/> was re-run (under the runtime's gate); <paramref name="force"/> completes the restore now (a restored halted session).</summary>
    public async Task AdvanceAsync(TradingRuntime rt, int i, bool force, CancellationToken ct)
    {
        var snapshot = From!;
        if (i == snapshot.Bar)
        {
            _snapshotMismatches = ServeSnapshots.Compare(snapshot, rt);
        }

        var caughtUp = rt.Slots.All(s => !s.Running || s.CatchUp is not { CatchingUp: true });
        if ((i >= snapshot.Bar && caughtUp) || force || i == rt.Bars!.Count - 1)
        {
            Report = await ServeSnapshots.CompleteRestoreAsync(rt, i, _snapshotMismatches, ct);
            var ok = Report.Problems.Count == 0;
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("{Summary}", Report.Describe());
            }

            alerts.Publish(new Alert(ok ? AlertLevel.Informational : AlertLevel.Warning, AlertCategory.System, "resilience:restore", ok ? "Restored from snapshot" : "Restored with discrepancies", Report.Describe(), "resilience", new Dictionary<string, string>(), time.GetUtcNow()));
        }
    }
}
