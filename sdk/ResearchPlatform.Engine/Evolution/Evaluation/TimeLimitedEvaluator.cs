using System.Globalization;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Evaluation;

/// <summary>
/// A per-evaluation time limit around any evaluator. The batch first runs as usual with a deadline of
/// <c>limit x ceil(batch / threads)</c>; when it misses it, each individual is re-run alone (on up to the plan's threads)
/// with <paramref name="limit"/>, and one that misses it is recorded as <see cref="EvaluationStatus.TimedOut"/> while the
/// generation completes with the others. Timed-out work gets its token cancelled; work that ignores the token cannot be
/// aborted in .NET and is abandoned (it keeps a thread pool thread until it returns). Which individual times out depends
/// on the machine's speed, so a run that hits the limit is reproducible only up to those individuals.
/// </summary>
internal sealed class TimeLimitedEvaluator(IFitnessEvaluator inner, TimeSpan limit, TimeProvider time) : IFitnessEvaluator
{
    /// <summary>The per-individual limit.</summary>
    public TimeSpan Limit { get; } = limit > TimeSpan.Zero ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "must be positive");

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<IndividualEvaluation>> EvaluateAsync(IReadOnlyList<Individual> batch, EvaluationPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(plan);
        var threads = Math.Max(1, plan.Threads);
        var rounds = Math.Max(1, (batch.Count + threads - 1) / threads);
        var whole = await RunAsync(batch, plan, Limit * rounds, ct);
        if (whole is not null)
        {
            return whole;
        }

        var results = new IndividualEvaluation[batch.Count];
        var single = plan with { Threads = 1 };
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, async (i, token) =>
        {
            var r = await RunAsync([batch[i]], single, Limit, token);
            results[i] = r is { Count: 1 } ? r[0] : IndividualEvaluation.TimedOut(string.Create(
                CultureInfo.InvariantCulture, $"evaluation exceeded its time limit of {Limit.TotalSeconds:0.###} s"));
        });
        return results;
    }

    /// <summary>The inner evaluator's results, or null when it missed <paramref name="deadline"/>.</summary>
    private async Task<IReadOnlyList<IndividualEvaluation>?> RunAsync(IReadOnlyList<Individual> batch, EvaluationPlan plan, TimeSpan deadline, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = Task.Run(async () => await inner.EvaluateAsync(batch, plan, cts.Token), CancellationToken.None);
        try
        {
            return await work.WaitAsync(deadline, time, ct);
        }
        catch (TimeoutException)
        {
            await cts.CancelAsync();
            _ = work.ContinueWith(static t => t.Exception, TaskScheduler.Default); // observe a late failure of abandoned work
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
