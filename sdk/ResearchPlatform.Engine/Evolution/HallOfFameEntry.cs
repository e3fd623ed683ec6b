using ResearchPlatform.Engine.Evolution.Fitness;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>A reported individual: its training score, walk-forward out-of-sample metrics and its hold-out metrics.</summary>
/// <param name="Rank">1-based rank (hall of fame by fitness; Pareto front by first objective).</param>
/// <param name="Entry">The individual with its generation-plan evaluation and score.</param>
/// <param name="Holdout">Hold-out metrics (empty when the run has no hold-out or the evaluation failed).</param>
/// <param name="HoldoutEvaluation">The raw hold-out evaluation.</param>
internal sealed record HallOfFameEntry(int Rank, EvaluatedIndividual Entry, MetricSummary Holdout, IndividualEvaluation HoldoutEvaluation);
