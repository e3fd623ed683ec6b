using System.Globalization;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// How a restore went: the session, the snapshot's bar, the bar at which every journal was caught up, the stored
/// entries the re-run reproduced, the orders reconciled with the venue, and the problems (snapshot vs restored state,
/// journal vs venue; empty = restored exactly).
/// </summary>
internal sealed record RestoreReport(string Session, int SnapshotBar, int ResumedAtBar, int EntriesVerified, int OrdersReconciled, int MaxPlacementsPerOrder, IReadOnlyList<string> Problems)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"restored session {Session}: snapshot bar {SnapshotBar}, journals caught up at bar {ResumedAtBar} ({EntriesVerified} entries verified), {OrdersReconciled} open orders reconciled with the venue, max placements per client order id {MaxPlacementsPerOrder}; reconciliation {(Problems.Count == 0 ? "ok" : "FAILED: " + string.Join("; ", Problems))}");
}
