using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.RiskEvolution;

/// <summary>
/// A fixed risk gene vector (usually the definition's preset) scored exactly as the GA scores its individuals: the same
/// training windows and composite fitness, plus its out-of-sample and hold-out metrics, so a run's winner can be compared
/// with "what you get without evolving the risk genome".
/// </summary>
/// <param name="Fitness">Composite fitness on the training windows.</param>
/// <param name="Train">Training-window metrics.</param>
/// <param name="OutOfSample">Strictly out-of-sample test-window metrics.</param>
/// <param name="Holdout">Hold-out metrics.</param>
internal sealed record RiskBaseline(double Fitness, MetricSummary Train, MetricSummary OutOfSample, MetricSummary Holdout)
{
    /// <summary>Scores <paramref name="genes"/> of the problem's risk genome.</summary>
    public static RiskBaseline Evaluate(EvolutionProblem problem, RiskGenomeEvaluator evaluator, EvolutionOptions options, ReadOnlySpan<double> genes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(options);
        var genome = problem.SeedTypes[0];
        var individual = new Individual(genome.SeedTypeId, genome.PluginVersion, genes);
        var scorer = new FitnessScorer(options.Fitness, options.Objective1, options.Objective2, problem.PeriodsPerYear);
        var plan = problem.GenerationPlan(1, includeTests: true);
        var score = scorer.Score(plan, FitnessScorer.Normalize(plan, evaluator.EvaluateOne(individual, plan, ct)));
        var holdoutPlan = problem.HoldoutPlan(1);
        var holdout = FitnessScorer.Normalize(holdoutPlan, evaluator.EvaluateOne(individual, holdoutPlan, ct));
        var holdoutSummary = holdout.Status == EvaluationStatus.Ok ? MetricSummary.From(holdout.Windows, problem.PeriodsPerYear) : MetricSummary.Empty;
        return new RiskBaseline(score.Fitness, score.Train, score.OutOfSample, holdoutSummary);
    }
}
