namespace ResearchPlatform.Sdk.Decisions;

/// <summary>Where a strategy is in its life cycle.</summary>
public enum StrategyStage
{
    /// <summary>Only backtested.</summary>
    Backtest,

    /// <summary>Paper trading: a candidate for approval.</summary>
    Paper,

    /// <summary>Trading real capital.</summary>
    Live,

    /// <summary>Retired.</summary>
    Retired,
}
