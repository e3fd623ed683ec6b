using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.Evolution.Evaluation;

public sealed class BacktestFitnessEvaluatorTests
{
    private static readonly BarSeries Bars = SyntheticBars.Generate("SYN/USDT", BarInterval.Parse("1h"), 3000, seed: 5);
    private static readonly SignSeed Seed = new();

    private static (EvolutionProblem Problem, BacktestFitnessEvaluator Evaluator) Create() =>
        BacktestProblem.Create(Bars, [(Seed, "1.0.0")], new WalkForwardOptions(3), new BacktestOptions());

    [Fact]
    public async Task EvaluateAsync_MixedBatch_ResultsByIndexEqualToDirectKernelRun()
    {
        var (problem, evaluator) = Create();
        var plan = problem.GenerationPlan(2, includeTests: true);
        Individual[] batch =
        [
            new("sign", "1.0.0", [20, 0]),
            new("ghost", "1.0.0", [1]),
            new("sign", "1.0.0", [13, 0]),
            new("sign", "1.0.0", [5, 1]),
        ];

        var results = await evaluator.EvaluateAsync(batch, plan, CancellationToken.None);

        Assert.Equal(EvaluationStatus.Ok, results[0].Status);
        Assert.Equal(EvaluationStatus.Failed, results[1].Status);
        Assert.Contains("seed type 'ghost' is not loaded", results[1].Error, StringComparison.Ordinal);
        Assert.Equal(EvaluationStatus.Failed, results[2].Status);
        Assert.Contains("unlucky", results[2].Error, StringComparison.Ordinal);
        Assert.Equal(EvaluationStatus.Ok, results[3].Status);
        var windows = plan.Windows.Select(w => new BarRange(w.Bars.Start, w.Bars.End)).ToArray();
        var direct = BacktestEngine.RunBatch(Bars, Seed, [5, 1], 1, new BacktestOptions(), windows, 1, CancellationToken.None);
        for (var w = 0; w < windows.Length; w++)
        {
            Assert.Equal(BacktestFitnessEvaluator.ToWindowMetrics(direct.Get(0, w)), results[3].Windows[w]);
        }
    }

    [Fact]
    public void ToWindowMetrics_KernelPercentages_BecomeFractionsWithPositiveDrawdown()
    {
        var m = BacktestFitnessEvaluator.ToWindowMetrics(new BacktestMetrics { Sharpe = 1.5, TotalReturnPct = 12.5, MaxDrawdownPct = -20, Trades = 7, Bars = 100 });

        Assert.Equal(new WindowMetrics(1.5, 0.125, 0.2, 7, 100), m);
    }

    [Fact]
    public async Task RunAsync_KernelEvaluatorOneVersusTwoThreads_IdenticalRuns()
    {
        var (problem, evaluator) = Create();
        var options = new EvolutionOptions { PopulationSize = 48, Generations = 4, Seed = 3, StagnationGenerations = 0, Fitness = new CompositeFitnessOptions(MinTrades: 3) };

        var one = await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(problem, options, null, CancellationToken.None);
        var two = await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(problem, options with { Threads = 2 }, null, CancellationToken.None);

        Assert.Equal(Fingerprint.Of(one), Fingerprint.Of(two));
        Assert.DoesNotContain(one.HallOfFame, h => h.Entry.Individual.Genes[0] == 13);
        Assert.True(one.HallOfFame[0].Holdout.Bars == problem.WalkForward.Holdout.Length);
        Assert.Equal(Annualization.BarsPerYear(Bars), problem.PeriodsPerYear);
    }

    [Fact]
    public void DatasetKey_OneBarChanged_KeyChanges()
    {
        var changed = new BarSeries(Bars.Symbol, Bars.Interval, Bars.OpenTimesMs, Bars.Open, Bars.High, Bars.Low, [.. Bars.Close[..^1], Bars.Close[^1] + 0.01], Bars.Volume);

        Assert.Equal(DatasetKeys.Of(Bars), DatasetKeys.Of(SyntheticBars.Generate("SYN/USDT", BarInterval.Parse("1h"), 3000, seed: 5)));
        Assert.NotEqual(DatasetKeys.Of(Bars), DatasetKeys.Of(changed));
        Assert.StartsWith("SYN/USDT 1h 3000 2020-01-01T00:00Z..", DatasetKeys.Of(Bars), StringComparison.Ordinal);
    }
}
