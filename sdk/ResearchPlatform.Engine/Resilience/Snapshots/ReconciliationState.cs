namespace ResearchPlatform.Engine.Resilience.Snapshots;

/// <summary>
/// A journal-vs-venue check as stored in a snapshot: when (bar), orders checked, positions on both sides, the most
/// place requests one client order id got (1 = nothing sent twice), and the problems (empty = they agree).
/// </summary>
internal sealed record ReconciliationState(int Bar, int OrdersChecked, decimal JournalPosition, decimal VenuePosition, int MaxPlacementsPerOrder, IReadOnlyList<string> Problems)
{
    public bool Agrees => Problems.Count == 0;
}
