namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// Per-strategy paper performance. Sharpe is annualised from per-bar equity returns; drawdown is a fraction of the
/// peak; slippage is the mean adverse slippage vs the decision price over filled orders (bps); latency is the mean
/// signal -> first fill time on the simulated clock; fill success = filled orders / orders sent (denied excluded).
/// Fitness = Sharpe x (1 - max drawdown) x fill success, 0 with no closed trade (fed back to the strategy pool).
/// </summary>
internal sealed record PaperPerformance(
    int Trades,
    double WinRate,
    decimal TotalPnl,
    double ReturnPct,
    double Sharpe,
    double MaxDrawdown,
    int MaxConsecutiveLosses,
    double AvgSlippageBps,
    double AvgLatencyMs,
    double FillSuccessRate,
    int OrdersSent,
    int OrdersFilled,
    int OrdersDenied,
    int PartialFills,
    decimal Fees,
    double Fitness);
