namespace ResearchPlatform.Engine.Backtesting;

/// <summary>A single backtest: metrics, trades and the equity curve (equity at each close of the range).</summary>
/// <param name="Range">The bars backtested.</param>
/// <param name="Metrics">The statistics.</param>
/// <param name="Trades">Closed trades in exit order.</param>
/// <param name="Equity">Equity at each bar's close, <c>Equity[i]</c> for bar <c>Range.Start + i</c>.</param>
public sealed record BacktestResult(BarRange Range, BacktestMetrics Metrics, IReadOnlyList<Trade> Trades, IReadOnlyList<double> Equity)
{
    /// <summary>
    /// Valid genes outside the seed type's search bounds (explicit genes may lie there; the search never goes there),
    /// one message each: what a notebook or caller should show the user.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
