namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// One component's state as the host's lifecycle reports it (<c>running</c>, <c>degraded</c>, <c>faulted</c>, ...).
/// <paramref name="Failing"/> is what cascade detection counts.
/// </summary>
public sealed record ComponentStatus(string Name, string State, bool Failing, string? Detail = null);
