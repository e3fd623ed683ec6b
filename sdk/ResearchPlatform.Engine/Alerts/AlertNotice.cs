using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>
/// What a channel delivers: the alert with its id, how many times its key fired in the throttling window so far, and the
/// escalation stage (0 = first notice, 1.. = escalation step).
/// </summary>
public sealed record AlertNotice(string Id, Alert Alert, int Count, int EscalationStage)
{
    /// <summary>The title as shown, marked when escalated or repeated.</summary>
    public string DisplayTitle =>
        (EscalationStage > 0 ? $"[ESCALATED {EscalationStage}] " : string.Empty) + Alert.Title + (Count > 1 ? $" (x{Count})" : string.Empty);
}
