using System.Globalization;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>Alerts the decision engine raises; those that need a human carry <c>decision_id</c> in the context.</summary>
public static class DecisionAlerts
{
    /// <summary>The context key holding the decision id.</summary>
    public const string DecisionIdKey = "decision_id";

    /// <summary>A decision awaiting a human verdict (low confidence or flagged): WARNING, or CRITICAL when urgent.</summary>
    public static Alert NeedsReview(string decisionId, string decisionType, string summary, double confidence, bool urgent, DateTimeOffset at) => new(
        urgent ? AlertLevel.Critical : AlertLevel.Warning,
        AlertCategory.Decision,
        "decision:review:" + decisionId,
        $"Decision {decisionType} needs review: {summary}",
        $"Confidence {confidence.ToString("0.###", CultureInfo.InvariantCulture)} is below the auto-execution threshold. Approve with `rp decisions approve {decisionId}` or reject it.",
        "decision_engine",
        new Dictionary<string, string>
        {
            [DecisionIdKey] = decisionId,
            ["decision_type"] = decisionType,
            ["confidence"] = confidence.ToString("0.###", CultureInfo.InvariantCulture),
        },
        at);
}
