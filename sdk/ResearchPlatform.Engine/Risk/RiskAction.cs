namespace ResearchPlatform.Engine.Risk;

/// <summary>What the trading path must do at a risk level.</summary>
internal enum RiskAction
{
    /// <summary>Scale new position sizes down by the level's multiplier.</summary>
    ScaleDownSizes,

    /// <summary>New or increased positions need an approval decision.</summary>
    RequireApproval,

    /// <summary>Only orders that reduce a position are accepted.</summary>
    ReduceOnly,

    /// <summary>Cancel every open order.</summary>
    CancelOpenOrders,

    /// <summary>Close every position.</summary>
    FlattenPositions,
}
