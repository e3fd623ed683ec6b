namespace ResearchPlatform.Engine.Decisions;

/// <summary>One row of the decision history.</summary>
public sealed record StoredDecision(
    string Id,
    DateTimeOffset CreatedAt,
    string Type,
    string ValueJson,
    string Summary,
    double Confidence,
    string Reasoning,
    string Urgency,
    string ThresholdsJson,
    string InputsJson,
    string RuleFile,
    string RuleHash,
    bool RequiresHumanReview,
    string Routing,
    string Status,
    bool FromCache,
    string? Error,
    DateTimeOffset? VerdictAt,
    string? VerdictNote);
