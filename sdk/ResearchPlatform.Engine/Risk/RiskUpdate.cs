using ResearchPlatform.Engine.Risk.Breakers;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk;

/// <summary>The result of one <see cref="RiskManager.OnBar"/>.</summary>
/// <param name="Level">The level after the update.</param>
/// <param name="Metrics">The metrics the breakers saw.</param>
/// <param name="BreakerEvents">Trips and resets in this update.</param>
/// <param name="LevelChange">The level change, or null when the level stayed.</param>
internal sealed record RiskUpdate(RiskLevel Level, RiskMetrics Metrics, IReadOnlyList<BreakerEvent> BreakerEvents, RiskLevelChanged? LevelChange);
