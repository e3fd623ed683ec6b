using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk.Breakers;

/// <summary>
/// A named, configurable circuit breaker. It trips when <see cref="Metric"/> reaches <see cref="Trigger"/> or more, and
/// resets once the metric is at or below <see cref="Reset"/> (hysteresis) and it has been active for at least
/// <see cref="MinActive"/> (cooldown). A NaN metric (not enough data) never changes the breaker's state.
/// </summary>
/// <param name="Name">Stable name, e.g. "daily_drawdown".</param>
/// <param name="Severity">The risk level this breaker asks for while active.</param>
/// <param name="Trigger">Trip threshold (inclusive).</param>
/// <param name="Reset">Reset threshold (inclusive); +Infinity resets on time alone.</param>
/// <param name="MinActive">Minimum time active before a reset.</param>
/// <param name="Metric">Reads the watched value from the metrics and market state.</param>
/// <param name="Description">What the breaker watches, for the docs and events.</param>
internal sealed record CircuitBreakerRule(
    string Name,
    RiskLevel Severity,
    double Trigger,
    double Reset,
    TimeSpan MinActive,
    Func<RiskMetrics, MarketState, double> Metric,
    string Description);
