namespace ResearchPlatform.Engine.Backtesting;

/// <summary>One closed (or, with end-of-data "none", still open) trade of a single backtest.</summary>
/// <param name="EntryBar">Bar index of the entry fill.</param>
/// <param name="EntryTime">Open time of the entry bar (UTC).</param>
/// <param name="EntryPrice">Entry fill price (slippage included).</param>
/// <param name="ExitBar">Bar index of the exit fill.</param>
/// <param name="ExitTime">Open time of the exit bar (UTC).</param>
/// <param name="ExitPrice">Exit fill price (slippage included).</param>
/// <param name="Units">Signed units: positive long, negative short.</param>
/// <param name="Pnl">PnL in money, entry and exit fees included.</param>
/// <param name="ReturnPct">PnL / entry notional × 100.</param>
/// <param name="Fees">Entry plus exit fees.</param>
/// <param name="Reason">Why it was closed.</param>
public sealed record Trade(
    int EntryBar,
    DateTimeOffset EntryTime,
    double EntryPrice,
    int ExitBar,
    DateTimeOffset ExitTime,
    double ExitPrice,
    double Units,
    double Pnl,
    double ReturnPct,
    double Fees,
    ExitReason Reason)
{
    /// <summary>Bar closes with the position open.</summary>
    public int HoldingBars => ExitBar - EntryBar;
}
