namespace ResearchPlatform.Engine.Execution.Validation;

/// <summary>A risk manager's answer for one order: approved, or denied with a reason.</summary>
internal sealed record RiskVerdict(bool Approved, string? Reason)
{
    /// <summary>The shared approval.</summary>
    public static RiskVerdict Approve { get; } = new(true, null);

    /// <summary>A denial with a reason that names the risk rule.</summary>
    public static RiskVerdict Deny(string reason) => new(false, reason);
}
