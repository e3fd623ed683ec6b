using System.Globalization;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// How a restore went: the session, the snapshot's bar, the bar at which every journal was caught up, the stored
/// entries the re-run reproduced, the orders checked against the venue by client order id (and re-queried when they disagreed), and the problems (snapshot vs restored state,
/// journal vs venue; empty = restored exactly).
/// </summary>
internal sealed record RestoreReport(string Session, int SnapshotBar, int ResumedAtBar, int EntriesVerified, int OrdersChecked, int OrdersReconciled, int MaxPlacementsPerOrder, IReadOnlyList<string> Problems)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"restored session {Session}: snapshot bar {SnapshotBar}, journals caught up at bar {ResumedAtBar} ({EntriesVerified} entries verified), journal vs venue: {OrdersChecked} orders checked by client order id, {OrdersReconciled} re-queried, max placements per client order id {MaxPlacementsPerOrder}; reconciliation {(Problems.Count == 0 ? "ok" : "FAILED: " + string.Join("; ", Problems))}");
}
