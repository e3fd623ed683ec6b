using System.Text.Json;
using ResearchPlatform.Engine.Decisions;

namespace ResearchPlatform.Host.Service.Views;

/// <summary>GET /api/decisions row and the <c>decision</c> event (status: pending, approved, rejected or auto; routing raw).</summary>
internal sealed record DecisionView(
    string Id,
    string Type,
    JsonElement Value,
    string Summary,
    double Confidence,
    string Urgency,
    string Reasoning,
    bool RequiresHumanReview,
    string Status,
    string Routing,
    DateTimeOffset CreatedAt,
    string RuleFile,
    string? Error)
{
    public static DecisionView Of(StoredDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(d.ValueJson) ? "null" : d.ValueJson);
        var status = d.Status switch
        {
            "auto_executed" => "auto",
            "executed_flagged" => "pending",
            _ => d.Status,
        };
        return new DecisionView(d.Id, d.Type.ToUpperInvariant(), doc.RootElement.Clone(), d.Summary, d.Confidence, d.Urgency, d.Reasoning, d.RequiresHumanReview, status, d.Routing, d.CreatedAt, d.RuleFile, d.Error);
    }
}
