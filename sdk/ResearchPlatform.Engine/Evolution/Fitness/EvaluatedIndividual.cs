using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>An individual with its evaluation under one plan and the resulting score.</summary>
/// <param name="Individual">The individual.</param>
/// <param name="Evaluation">Raw per-window results, aligned with the plan's windows.</param>
/// <param name="Score">Fitness, objectives and summaries.</param>
/// <param name="Generation">Generation in which it was first evaluated.</param>
/// <param name="Sequence">Order of first evaluation within the run (0-based), used to break ties deterministically.</param>
internal sealed record EvaluatedIndividual(Individual Individual, IndividualEvaluation Evaluation, FitnessScore Score, int Generation, long Sequence);
