namespace ResearchPlatform.Engine.Evolution.Distribution;

/// <summary>
/// An evaluator that spreads work over workers and reports how: <see cref="PopulationEvaluator"/> takes the figures of
/// each call right after it, so they land in that generation's <see cref="GenerationStats.Distribution"/>.
/// </summary>
internal interface IDistributedEvaluator
{
    /// <summary>The figures gathered since the last call (null when nothing was evaluated since), and resets them.</summary>
    EvaluationDistribution? TakeDistribution();
}
