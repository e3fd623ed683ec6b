using System.Collections.Concurrent;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// A fitness evaluator over a known analytic landscape (alpha peaks at x = 7, n = 20, mode = b; beta at y = 0, z = 0.3).
/// Evaluates in parallel on <see cref="EvaluationPlan.Threads"/> threads with deliberately uneven work per individual,
/// so completion order varies, and places results by index. Records every call.
/// </summary>
internal sealed class AnalyticEvaluator : IFitnessEvaluator
{
    public ConcurrentQueue<EvaluatorCall> Calls { get; } = new();

    /// <summary>When set, replaces the metrics of test and hold-out windows (to prove selection never reads them).</summary>
    public Func<Individual, EvaluationWindow, WindowMetrics>? OutOfSampleOverride { get; init; }

    /// <summary>When set and returning non-null, that result replaces the evaluation (failures, timeouts).</summary>
    public Func<Individual, IndividualEvaluation?>? Override { get; init; }

    /// <summary>When set, the clock is advanced by <see cref="AdvancePerCall"/> on every call.</summary>
    public ManualTimeProvider? Clock { get; init; }

    public TimeSpan AdvancePerCall { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>When true, the landscape is flat (every individual has the same metrics).</summary>
    public bool Flat { get; init; }

    public ValueTask<IReadOnlyList<IndividualEvaluation>> EvaluateAsync(IReadOnlyList<Individual> batch, EvaluationPlan plan, CancellationToken ct)
    {
        Calls.Enqueue(new EvaluatorCall(plan.Purpose, plan.Windows.ToList(), batch.ToList()));
        var results = new IndividualEvaluation[batch.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = plan.Threads, CancellationToken = ct };
        Parallel.For(0, batch.Count, options, i =>
        {
            Thread.SpinWait((batch[i].GetHashCode() & 0x3F) * 50); // uneven work: completion order differs from index order
            results[i] = Override?.Invoke(batch[i]) ?? IndividualEvaluation.Ok(plan.Windows.Select(w => Metrics(batch[i], w)).ToList());
        });
        Clock?.Advance(AdvancePerCall);
        return ValueTask.FromResult<IReadOnlyList<IndividualEvaluation>>(results);
    }

    /// <summary>The landscape's Sharpe for an individual on a window.</summary>
    public double Sharpe(Individual ind, EvaluationWindow w)
    {
        if (Flat)
        {
            return 1.0;
        }

        var g = ind.Genes;
        var wobble = 0.05 * Math.Sin(w.Bars.Start * 0.01);
        return ind.SeedTypeId == "alpha"
            ? 2.0 - (0.05 * (g[0] - 7) * (g[0] - 7)) - (0.002 * (g[1] - 20) * (g[1] - 20)) + (g[2] == 1 ? 0.3 : 0) + wobble
            : 1.5 - (0.1 * g[0] * g[0]) - (2.0 * (g[1] - 0.3) * (g[1] - 0.3)) + wobble;
    }

    private WindowMetrics Metrics(Individual ind, EvaluationWindow w)
    {
        if (w.Role != WindowRole.Train && OutOfSampleOverride is not null)
        {
            return OutOfSampleOverride(ind, w);
        }

        var sharpe = Sharpe(ind, w);
        var trades = Flat ? 20 : ind.SeedTypeId == "alpha" ? (int)ind.Genes[1] : 5 + (int)(ind.Genes[1] * 20);
        var drawdown = Flat ? 0.1 : 0.05 + (0.01 * Math.Abs(ind.Genes[0]));
        return new WindowMetrics(sharpe, sharpe * 0.01 * w.Bars.Length / 100.0, drawdown, trades, w.Bars.Length, -0.2, 5.0);
    }
}
