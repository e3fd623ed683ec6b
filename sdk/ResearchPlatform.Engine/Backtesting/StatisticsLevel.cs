namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Which statistics a backtest computes.</summary>
public enum StatisticsLevel
{
    /// <summary>Everything, including the per-bar equity statistics (default).</summary>
    Full,

    /// <summary>Final equity, PnL and trade statistics only: no per-bar returns or drawdown (NaN in the metrics).</summary>
    Trades,
}
