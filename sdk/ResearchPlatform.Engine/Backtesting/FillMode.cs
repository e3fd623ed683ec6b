namespace ResearchPlatform.Engine.Backtesting;

/// <summary>When a target decided at bar t's close is executed.</summary>
public enum FillMode
{
    /// <summary>Decided at close t, filled at the open of bar t + 1 (default; no look-ahead).</summary>
    NextOpen,

    /// <summary>Decided and filled at close t (the optimistic "trade on close" convention).</summary>
    Close,
}
