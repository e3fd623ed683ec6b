namespace ResearchPlatform.Sdk.Decisions;

/// <summary>
/// The outcome of one decision. Rules build it with <see cref="Decide"/>; the engine fills in the rule file, its content
/// hash and the thresholds the rule refers to, and sets <see cref="RequiresHumanReview"/> from the confidence routing.
/// </summary>
/// <param name="Type">Decision type.</param>
/// <param name="Value">Typed value.</param>
/// <param name="Confidence">Confidence 0..1.</param>
/// <param name="Reasoning">Why, in words.</param>
/// <param name="Urgency">How soon to act.</param>
public sealed record DecisionResult(DecisionType Type, DecisionValue Value, double Confidence, string Reasoning, Urgency Urgency)
{
    /// <summary>Thresholds the rule refers to, with their values at decision time.</summary>
    public IReadOnlyDictionary<string, double> ThresholdsUsed { get; init; } = new Dictionary<string, double>();

    /// <summary>Inputs the rule reported (name, value).</summary>
    public IReadOnlyDictionary<string, double> Inputs { get; init; } = new Dictionary<string, double>();

    /// <summary>The rule file that decided (file name inside the rules folder).</summary>
    public string RuleFile { get; init; } = string.Empty;

    /// <summary>SHA-256 (hex, first 16 chars) of the rule file's content.</summary>
    public string RuleHash { get; init; } = string.Empty;

    /// <summary>True when a human must review (confidence routing, or a fallback).</summary>
    public bool RequiresHumanReview { get; init; }

    /// <summary>The error when this is a fallback decision (the rule threw, timed out or failed to compile).</summary>
    public string? Error { get; init; }
}
