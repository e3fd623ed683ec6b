using ResearchPlatform.Engine.Risk.Breakers;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk;

/// <summary>The risk level changed (an alert and a stored event).</summary>
/// <param name="At">When.</param>
/// <param name="From">Previous level.</param>
/// <param name="To">New level.</param>
/// <param name="ActiveBreakers">The breakers active after the change, with the values behind them.</param>
/// <param name="Trigger">The breaker trips and resets in the same update that caused the change.</param>
/// <param name="Actions">What the trading path must do at the new level.</param>
internal sealed record RiskLevelChanged(
    DateTimeOffset At,
    RiskLevel From,
    RiskLevel To,
    IReadOnlyList<ActiveBreaker> ActiveBreakers,
    IReadOnlyList<BreakerEvent> Trigger,
    IReadOnlyList<RiskAction> Actions);
