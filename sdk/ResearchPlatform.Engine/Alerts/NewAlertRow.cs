using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>A new alert for <see cref="AlertStore.WriteBatch"/>: its id, when it was taken in, and the channels it is queued for.</summary>
public sealed record NewAlertRow(string Id, Alert Alert, DateTimeOffset At, IReadOnlyList<string> Channels);
