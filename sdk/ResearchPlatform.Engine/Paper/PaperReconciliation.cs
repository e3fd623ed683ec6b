namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// Journal (order manager) vs venue for one strategy: every order's state and filled quantity, the position and the
/// net PnL (realized + unrealized - fees + funding), and how many place requests reached the venue per client order
/// id (1 = nothing sent twice). <see cref="Problems"/> lists each disagreement; empty = they agree.
/// </summary>
internal sealed record PaperReconciliation(
    int OrdersChecked,
    decimal JournalPosition,
    decimal VenuePosition,
    decimal JournalNetPnl,
    decimal VenueNetPnl,
    int MaxPlacementsPerOrder,
    IReadOnlyList<string> Problems)
{
    public bool Agrees => Problems.Count == 0;
}
