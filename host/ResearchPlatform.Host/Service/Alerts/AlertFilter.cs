using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Service.Alerts;

/// <summary>Filter of <see cref="IAlertQuery.List"/>.</summary>
public sealed record AlertFilter(AlertLevel? Level = null, AlertCategory? Category = null, bool? Acknowledged = null, int Limit = 100);
