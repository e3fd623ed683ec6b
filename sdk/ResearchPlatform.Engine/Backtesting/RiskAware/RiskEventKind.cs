namespace ResearchPlatform.Engine.Backtesting.RiskAware;

/// <summary>What happened in one <see cref="RiskBacktestEvent"/>.</summary>
public enum RiskEventKind
{
    /// <summary>The risk level changed (breakers tripped or reset).</summary>
    LevelChange,

    /// <summary>An entry was rejected by the pre-trade check.</summary>
    OrderRejected,

    /// <summary>An entry was resized down to the risk limits.</summary>
    OrderResized,

    /// <summary>The open position was closed by the EMERGENCY flatten rule.</summary>
    Flatten,

    /// <summary>A circuit breaker tripped (paper and live sessions record trips and resets one by one).</summary>
    BreakerTripped,

    /// <summary>A circuit breaker reset.</summary>
    BreakerReset,
}
