using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Validation;

/// <summary>The validator's answer: the order normalised to venue rules (prices on tick), or the first broken rule.</summary>
internal sealed record OrderValidation(SubmitOrder? Order, OrderRuleViolation? Violation)
{
    /// <summary>True when the order may be sent.</summary>
    public bool IsValid => Violation is null;
}
