using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>
/// Everything needed to continue a run after its last completed generation: the population of that generation, every
/// evaluation so far (the fitness cache, the trial count of the deflated Sharpe and the hall of fame derive from it),
/// and the statistics history (stagnation derives from it). RNG state is not needed (see <see cref="RunRandom"/>).
/// </summary>
/// <param name="Generation">The last completed generation.</param>
/// <param name="Population">Its members in population order.</param>
/// <param name="Archive">Every individual evaluated under the generation plan, by sequence; scores are recomputed.</param>
/// <param name="History">Statistics of generations 0..Generation.</param>
internal sealed record EvolutionCheckpoint(
    int Generation,
    IReadOnlyList<Individual> Population,
    IReadOnlyList<EvaluatedIndividual> Archive,
    IReadOnlyList<GenerationStats> History);
