namespace ResearchPlatform.Engine.Deployment;

/// <summary>One stage change (or ramp step change) of a strategy, with what caused it.</summary>
/// <param name="Sequence">Monotonic sequence within the workspace.</param>
/// <param name="StrategyId">The strategy.</param>
/// <param name="From">Stage before.</param>
/// <param name="To">Stage after.</param>
/// <param name="RampStep">Ramp step after the change (0 when not live).</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, in words (names the figures that decided it).</param>
/// <param name="DecisionId">The decision that caused it, or null for a manual or automatic check.</param>
/// <param name="Actor">"decision", "checkpoint", "human" or "system".</param>
public sealed record StrategyTransition(
    long Sequence,
    string StrategyId,
    DeploymentStage From,
    DeploymentStage To,
    int RampStep,
    DateTimeOffset At,
    string Reason,
    string? DecisionId,
    string Actor);
