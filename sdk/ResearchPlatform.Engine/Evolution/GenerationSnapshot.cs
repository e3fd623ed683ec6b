using ResearchPlatform.Engine.Evolution.Fitness;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>A completed generation, as handed to observers (progress display, persistence).</summary>
/// <param name="Stats">The generation's figures.</param>
/// <param name="Population">Members in population order, each with evaluation and score.</param>
/// <param name="NewlyEvaluated">Individuals evaluated for the first time in this generation, in evaluation order.</param>
/// <param name="GenerationPlan">The plan every member was evaluated under.</param>
internal sealed record GenerationSnapshot(
    GenerationStats Stats,
    IReadOnlyList<EvaluatedIndividual> Population,
    IReadOnlyList<EvaluatedIndividual> NewlyEvaluated,
    EvaluationPlan GenerationPlan)
{
    /// <summary>The generation number.</summary>
    public int Generation => Stats.Generation;
}
