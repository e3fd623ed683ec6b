namespace ResearchPlatform.Sdk.Risk;

/// <summary>Portfolio risk level, derived from the active circuit breakers. Ordered: a higher value is more severe.</summary>
public enum RiskLevel
{
    /// <summary>Normal trading.</summary>
    Low = 0,

    /// <summary>New position sizes are scaled down.</summary>
    Moderate = 1,

    /// <summary>New or increased positions need an approval from the decision engine.</summary>
    High = 2,

    /// <summary>Only orders that reduce an existing position are allowed.</summary>
    Critical = 3,

    /// <summary>Trading halts: open orders are cancelled and every position is flattened.</summary>
    Emergency = 4,
}
