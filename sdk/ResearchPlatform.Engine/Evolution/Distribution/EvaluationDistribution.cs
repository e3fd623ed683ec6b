namespace ResearchPlatform.Engine.Evolution.Distribution;

/// <summary>
/// How the evaluations of one generation (or one hold-out check) were distributed, and what went wrong on the way:
/// recorded per generation next to <see cref="GenerationStats"/> when the evaluator is distributed.
/// </summary>
/// <param name="Mode">"cluster" or "local".</param>
/// <param name="Batches">Batches the individuals were split into.</param>
/// <param name="FailedEvaluations">Individuals whose batch failed on a worker (silo death, rejection, timeout) at least once.</param>
/// <param name="Timeouts">Batch attempts that hit the batch timeout.</param>
/// <param name="Resubmitted">Individuals sent again to a surviving worker after a failed attempt.</param>
/// <param name="LocalFallback">Individuals evaluated locally because no worker was left or the attempts ran out.</param>
/// <param name="Workers">Per-worker figures, ordered by worker name.</param>
internal sealed record EvaluationDistribution(
    string Mode,
    int Batches,
    int FailedEvaluations,
    int Timeouts,
    int Resubmitted,
    int LocalFallback,
    IReadOnlyList<WorkerStats> Workers)
{
    /// <summary>Adds two distributions of the same generation (e.g. several evaluator calls).</summary>
    public EvaluationDistribution Add(EvaluationDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var workers = Workers.Concat(other.Workers)
            .GroupBy(w => w.Worker, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : new WorkerStats(
                g.Key,
                g.Max(w => w.Cores),
                g.Sum(w => w.Evaluations),
                g.Sum(w => w.BusySeconds),
                g.Sum(w => w.EvaluationsPerSecond),
                g.Average(w => w.BusyPercent)))
            .OrderBy(w => w.Worker, StringComparer.Ordinal)
            .ToList();
        return new EvaluationDistribution(
            Mode == other.Mode ? Mode : "cluster",
            Batches + other.Batches,
            FailedEvaluations + other.FailedEvaluations,
            Timeouts + other.Timeouts,
            Resubmitted + other.Resubmitted,
            LocalFallback + other.LocalFallback,
            workers);
    }
}
