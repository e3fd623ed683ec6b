namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// BACKTEST_VALIDATION for one strategy: the kernel's trades against the replay's over the same window. A trade
/// matches when entry bar, exit bar and direction agree. The PnL difference (replay - kernel) is attributed to fees,
/// fill prices (slippage and impact), quantity (sizing at the decision close and lot rounding), and unmatched trades
/// (partial fills, risk denials, timing); the residual is what none of them explains. Latency moves no price in a bar
/// replay (fills are at the next open either way), so it is reported, not attributed.
/// </summary>
internal sealed record PaperValidationReport(
    string Strategy,
    int KernelTrades,
    int ReplayTrades,
    int Matched,
    decimal KernelPnl,
    decimal ReplayPnl,
    decimal PnlDifference,
    decimal FeesEffect,
    decimal PriceEffect,
    decimal QuantityEffect,
    decimal UnmatchedEffect,
    decimal Residual,
    double AvgLatencyMs,
    int PartialFills);
