using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Statistics;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>The outcome of a run.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Termination">Why it stopped.</param>
/// <param name="Generations">Statistics per generation.</param>
/// <param name="FinalPopulation">The last generation's members.</param>
/// <param name="HallOfFame">Top distinct individuals by fitness over the whole run, with hold-out metrics.</param>
/// <param name="ParetoFront">NSGA-II mode: the final non-dominated set (distinct), with hold-out metrics; else empty.</param>
/// <param name="DeflatedSharpe">DSR of the best individual's in-sample Sharpe given the trials; null without a valid individual.</param>
/// <param name="DistinctEvaluations">Distinct individuals evaluated in the run.</param>
/// <param name="GenerationPlan">The plan of generation evaluations.</param>
/// <param name="HoldoutPlan">The plan of the hold-out evaluation.</param>
internal sealed record EvolutionResult(
    int Seed,
    TerminationReason Termination,
    IReadOnlyList<GenerationStats> Generations,
    IReadOnlyList<EvaluatedIndividual> FinalPopulation,
    IReadOnlyList<HallOfFameEntry> HallOfFame,
    IReadOnlyList<HallOfFameEntry> ParetoFront,
    DeflatedSharpeResult? DeflatedSharpe,
    long DistinctEvaluations,
    EvaluationPlan GenerationPlan,
    EvaluationPlan HoldoutPlan);
