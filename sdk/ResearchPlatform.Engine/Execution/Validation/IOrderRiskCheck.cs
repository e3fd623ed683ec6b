using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Validation;

/// <summary>
/// The risk manager's hook into the order path: called after rule validation and before the order is journaled and
/// sent. Must be fast (it is inside the order manager's latency budget) and must not throw for a denial.
/// </summary>
internal interface IOrderRiskCheck
{
    /// <summary>Approves or denies <paramref name="order"/> given the current signed position in its symbol.</summary>
    RiskVerdict Evaluate(SubmitOrder order, decimal referencePrice, decimal currentPosition);
}
