using System.Globalization;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// The DECISION alert of a decision queued for a human: key <c>decision:ID</c>, context <c>decision_id</c>,
/// <c>decision_type</c>, <c>confidence</c>, <c>urgency</c> and <c>error</c> (fallbacks), so a channel or the dashboard
/// can link straight to <c>rp decisions approve|reject ID</c>.
/// </summary>
internal static class DecisionAlerts
{
    /// <summary>The alert for <paramref name="record"/>.</summary>
    public static Alert Queued(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var r = record.Result;
        var type = RuleFiles.SnakeName(r.Type).ToUpperInvariant();
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["decision_id"] = record.Id,
            ["decision_type"] = type,
            ["confidence"] = r.Confidence.ToString("R", CultureInfo.InvariantCulture),
            ["urgency"] = r.Urgency.ToString().ToUpperInvariant(),
            ["rule_hash"] = r.RuleHash,
        };
        if (r.Error is not null)
        {
            context["error"] = r.Error;
        }

        return new Alert(
            r.Urgency >= Sdk.Decisions.Urgency.Critical ? AlertLevel.Critical : AlertLevel.Warning,
            AlertCategory.Decision,
            "decision:" + record.Id,
            $"{type} decision {record.Id} awaits a human (confidence {r.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})",
            $"{r.Value.Summary()}: {r.Reasoning}\nApprove or reject: rp decisions approve {record.Id} | rp decisions reject {record.Id}",
            "decision_engine",
            context,
            record.At);
    }
}
