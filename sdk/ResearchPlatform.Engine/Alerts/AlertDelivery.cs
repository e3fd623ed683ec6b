namespace ResearchPlatform.Engine.Alerts;

/// <summary>
/// One delivery of an alert on one channel at one escalation stage. <see cref="Status"/>: <c>queued</c>,
/// <c>delivered</c>, <c>failed</c> (kept and retried later), <c>rate_limited</c>.
/// </summary>
public sealed record AlertDelivery(
    string Channel,
    int Stage,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeliveredAt);
