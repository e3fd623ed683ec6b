namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Why a trade was closed.</summary>
public enum ExitReason
{
    /// <summary>The target changed (a reversal closes, then reopens).</summary>
    Signal = 0,

    /// <summary>The stop-loss level was touched (or gapped through).</summary>
    StopLoss = 1,

    /// <summary>The trailing-stop level was touched (or gapped through).</summary>
    TrailingStop = 2,

    /// <summary>The take-profit level was touched (or gapped through).</summary>
    TakeProfit = 3,

    /// <summary>Closed by the end-of-data rule.</summary>
    EndOfData = 4,

    /// <summary>Flattened by the risk manager (EMERGENCY level in a risk-aware backtest).</summary>
    Risk = 5,
}
