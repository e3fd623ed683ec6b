using ResearchPlatform.Engine.Execution.Validation;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// The order manager's risk hook in a paper session. The runner asks <c>RiskManager.EvaluateTradeRisk</c> before each
/// opening order (so it can resize), then hands the verdict here; the manager's hook returns it, so a rejection is
/// journaled as a denial with rule <c>risk</c> like any live denial.
/// </summary>
internal sealed class PaperRiskGate : IOrderRiskCheck
{
    private string? _pendingDenial;

    /// <summary>The next order submitted is denied with <paramref name="reason"/>.</summary>
    public void DenyNext(string reason) => _pendingDenial = reason;

    public RiskVerdict Evaluate(SubmitOrder order, decimal referencePrice, decimal currentPosition)
    {
        var denial = _pendingDenial;
        _pendingDenial = null;
        return denial is null ? RiskVerdict.Approve : RiskVerdict.Deny(denial);
    }
}
