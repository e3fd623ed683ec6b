namespace ResearchPlatform.Engine.Risk.Breakers;

/// <summary>A breaker tripped or reset.</summary>
/// <param name="At">When (from the risk manager's TimeProvider).</param>
/// <param name="Name">Breaker name.</param>
/// <param name="Tripped">True when it tripped, false when it reset.</param>
/// <param name="Value">The metric value that caused the change.</param>
/// <param name="Threshold">The trigger (on trip) or reset (on reset) threshold.</param>
internal sealed record BreakerEvent(DateTimeOffset At, string Name, bool Tripped, double Value, double Threshold);
