namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// One round trip on the paper venue: from flat to flat (a flip closes one trade and opens the next). Prices are the
/// quantity-weighted fill prices; <paramref name="Pnl"/> is net of every fee paid while the trade was open.
/// </summary>
internal sealed record PaperTrade(
    string Strategy,
    int EntryBar,
    DateTimeOffset EntryTime,
    decimal EntryPrice,
    int ExitBar,
    DateTimeOffset ExitTime,
    decimal ExitPrice,
    decimal Quantity,
    decimal Pnl,
    decimal Fees);
