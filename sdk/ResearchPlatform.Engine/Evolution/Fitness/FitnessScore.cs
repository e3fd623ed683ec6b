namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>
/// How selection sees an individual (computed from training windows only) plus what is reported about it.
/// </summary>
/// <param name="Fitness">Composite fitness from training windows; -infinity when the evaluation failed.</param>
/// <param name="Objective1">First NSGA-II objective (maximised), from training windows.</param>
/// <param name="Objective2">Second NSGA-II objective (maximised), from training windows.</param>
/// <param name="Violation">Constraint violation for NSGA-II (shortfall below the minimum trades, 0 = feasible).</param>
/// <param name="Train">Training-window metrics.</param>
/// <param name="OutOfSample">Metrics over the strictly out-of-sample test windows (reporting only).</param>
/// <param name="Test">Metrics over every test window (reporting only).</param>
internal sealed record FitnessScore(
    double Fitness,
    double Objective1,
    double Objective2,
    double Violation,
    MetricSummary Train,
    MetricSummary OutOfSample,
    MetricSummary Test)
{
    /// <summary>The score of a failed or timed-out evaluation.</summary>
    public static FitnessScore Failed { get; } = new(
        double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity,
        MetricSummary.Empty, MetricSummary.Empty, MetricSummary.Empty);

    /// <summary>Whether the evaluation produced a usable fitness.</summary>
    public bool IsValid => double.IsFinite(Fitness);
}
