namespace ResearchPlatform.Engine.Backtesting;

/// <summary>What happens to an open position at the last bar of a backtest (or window).</summary>
public enum EndOfDataMode
{
    /// <summary>Close at the last bar's open; no order or stop is processed on that bar (backtesting.py's finalize).</summary>
    LastOpen,

    /// <summary>Process the last bar normally, then close at its close (default).</summary>
    LastClose,

    /// <summary>Leave it open, marked to market; it is not counted as a trade.</summary>
    None,
}
