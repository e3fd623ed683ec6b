namespace ResearchPlatform.Sdk.Risk;

/// <summary>The outcome of a pre-trade risk check.</summary>
public enum RiskDecision
{
    /// <summary>The order may go out as requested.</summary>
    Approve,

    /// <summary>The order may go out with a smaller quantity (<see cref="TradeRiskVerdict.ApprovedQuantity"/>).</summary>
    Resize,

    /// <summary>The order must not go out (<see cref="TradeRiskVerdict.Reason"/>).</summary>
    Reject,
}
