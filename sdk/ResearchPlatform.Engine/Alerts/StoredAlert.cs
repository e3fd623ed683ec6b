using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>An alert as kept in the history, with its deliveries.</summary>
public sealed record StoredAlert(
    string Id,
    AlertLevel Level,
    AlertCategory Category,
    string Key,
    string Title,
    string Body,
    string Component,
    IReadOnlyDictionary<string, string> Context,
    DateTimeOffset RaisedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    int Count,
    int EscalationStage,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<AlertDelivery> Deliveries)
{
    /// <summary>The alert as raised.</summary>
    public Alert ToAlert() => new(Level, Category, Key, Title, Body, Component, Context, RaisedAt);

    /// <summary>The notice a channel receives for <paramref name="stage"/>.</summary>
    public AlertNotice ToNotice(int stage) => new(Id, ToAlert(), Count, stage);
}
