namespace ResearchPlatform.Host.Service.Views;

/// <summary>An active circuit breaker (until = null: until its reset rule clears it).</summary>
internal sealed record BreakerView(string Name, string Reason, DateTimeOffset Since, DateTimeOffset? Until);
