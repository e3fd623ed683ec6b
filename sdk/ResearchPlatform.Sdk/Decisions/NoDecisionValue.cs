namespace ResearchPlatform.Sdk.Decisions;

/// <summary>The value of a fallback decision: the rule failed, nothing is decided, a human must look.</summary>
public sealed record NoDecisionValue : DecisionValue
{
    /// <inheritdoc />
    public override string Summary() => "no decision (fallback)";
}
