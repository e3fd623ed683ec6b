using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Raise <paramref name="Level"/> when <paramref name="Metric"/> is above (<c>&gt;</c>) or below (<c>&lt;</c>)
/// <paramref name="Value"/>. Example: <c>trading.drawdown &gt; 0.1</c> CRITICAL.
/// </summary>
public sealed record ThresholdRule(string Metric, string Operator, double Value, AlertLevel Level)
{
    /// <summary>True when <paramref name="actual"/> breaches the rule.</summary>
    public bool IsBreached(double actual) => Operator == "<" ? actual < Value : actual > Value;
}
