namespace ResearchPlatform.Host.Service.Alerts;

/// <summary>A stored alert as the API shows it (level and category in lower case; repeats of a key counted).</summary>
public sealed record AlertRecord(
    string Id,
    string Level,
    string Category,
    string Key,
    string Title,
    string Body,
    string Component,
    int Count,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt,
    IReadOnlyDictionary<string, string> Delivery);
