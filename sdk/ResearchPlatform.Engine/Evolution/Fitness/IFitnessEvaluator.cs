using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>
/// Evaluates a batch of individuals on the windows of a plan. Implementations may run in parallel but must return one
/// result per individual in batch order (results placed by index), and the same metrics for the same individual and
/// plan whatever the thread count: the GA's determinism rests on it. A per-individual problem is reported as a failed
/// or timed-out result, not thrown; throwing aborts the run.
/// </summary>
internal interface IFitnessEvaluator
{
    /// <summary>Evaluates <paramref name="batch"/>; the result list has <c>batch.Count</c> entries in batch order.</summary>
    ValueTask<IReadOnlyList<IndividualEvaluation>> EvaluateAsync(IReadOnlyList<Individual> batch, EvaluationPlan plan, CancellationToken ct);
}
