using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk.Breakers;

/// <summary>An active breaker with the value that keeps it active.</summary>
/// <param name="Name">Breaker name.</param>
/// <param name="Severity">Level it asks for.</param>
/// <param name="Value">Latest metric value.</param>
/// <param name="Trigger">Its trigger threshold.</param>
/// <param name="Since">When it tripped.</param>
internal sealed record ActiveBreaker(string Name, RiskLevel Severity, double Value, double Trigger, DateTimeOffset Since);
