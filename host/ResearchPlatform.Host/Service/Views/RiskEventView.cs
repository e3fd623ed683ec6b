namespace ResearchPlatform.Host.Service.Views;

/// <summary>A risk event: a breaker tripped or reset, or the level changed.</summary>
internal sealed record RiskEventView(DateTimeOffset At, string Kind, string Name, string Detail);
