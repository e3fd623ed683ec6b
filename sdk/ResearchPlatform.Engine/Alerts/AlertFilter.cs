using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>
/// Which alerts <see cref="AlertService.List"/> returns: at least <see cref="MinLevel"/>, of <see cref="Category"/>, only
/// unacknowledged ones, newest first, at most <see cref="Limit"/>.
/// </summary>
public sealed record AlertFilter(AlertLevel? MinLevel = null, AlertCategory? Category = null, bool UnacknowledgedOnly = false, int Limit = 100);
