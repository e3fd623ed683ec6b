namespace ResearchPlatform.Engine.Backtesting.RiskAware;

/// <summary>A risk-aware backtest: the usual result (metrics, trades, equity) plus the risk events.</summary>
/// <param name="Backtest">Metrics, trades and equity curve, with the kernel's conventions.</param>
/// <param name="Events">Level changes, rejected and resized entries and flattens, in time order.</param>
/// <param name="RejectedOrders">Entries the pre-trade check rejected.</param>
/// <param name="ResizedOrders">Entries the pre-trade check resized.</param>
public sealed record RiskBacktestResult(BacktestResult Backtest, IReadOnlyList<RiskBacktestEvent> Events, int RejectedOrders, int ResizedOrders);
