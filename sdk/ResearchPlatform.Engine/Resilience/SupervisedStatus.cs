namespace ResearchPlatform.Engine.Resilience;

/// <summary>
/// One component as the resilience manager sees it: state, restarts so far, the last error and when, when the next
/// start is due (while restarting) and the most recent errors (newest last).
/// </summary>
internal sealed record SupervisedStatus(
    string Name,
    SupervisionState State,
    int Restarts,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? NextStartAt,
    IReadOnlyList<string> RecentErrors)
{
    /// <summary>The state as the API spells it (running, restarting, escalated, stopped, pending).</summary>
    public string StateName => State.ToString().ToLowerInvariant();
}
