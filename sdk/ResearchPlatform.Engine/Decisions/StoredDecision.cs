using System.Text.Json;
using ResearchPlatform.Sdk.Decisions;

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
    string? VerdictNote)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The decision's result as the engine produced it (type, typed value, confidence, reasoning, urgency).</summary>
    public DecisionResult ToResult()
    {
        if (!RuleFiles.TryParse(Type, out var type))
        {
            throw new InvalidDataException($"decision {Id}: unknown decision type '{Type}'");
        }

        var value = JsonSerializer.Deserialize<DecisionValue>(ValueJson, Json)
            ?? throw new InvalidDataException($"decision {Id}: value is null");
        var urgency = Enum.TryParse<Urgency>(Urgency, ignoreCase: true, out var u) ? u : Sdk.Decisions.Urgency.Low;
        return new DecisionResult(type, value, Confidence, Reasoning, urgency)
        {
            RuleFile = RuleFile, RuleHash = RuleHash, RequiresHumanReview = RequiresHumanReview, Error = Error,
        };
    }
}
