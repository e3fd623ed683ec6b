namespace ResearchPlatform.Sdk.Decisions;

/// <summary>The six automated decisions; each has one rule file <c>rules/&lt;snake_case_name&gt;.csx</c>.</summary>
public enum DecisionType
{
    /// <summary>How many strategies the live pool should hold (<see cref="PoolSizeValue"/>).</summary>
    StrategyPoolSizing,

    /// <summary>Which strategies to retire (<see cref="RetirementValue"/>).</summary>
    StrategyRetirement,

    /// <summary>Which candidate strategies may go live (<see cref="ApprovalValue"/>).</summary>
    NewStrategyApproval,

    /// <summary>Whether to stop all trading now (<see cref="ShutdownValue"/>).</summary>
    EmergencyShutdown,

    /// <summary>A position-size multiplier (<see cref="RiskAdjustmentValue"/>).</summary>
    RiskAdjustment,

    /// <summary>Which sessions to trade and how aggressively (<see cref="SessionSettingsValue"/>).</summary>
    TradingSessionOptimization,
}
