using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.RiskEvolution;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.RiskEvolution;

/// <summary>The risk-genome GA: the evolution engine over risk genomes for fixed strategies.</summary>
public sealed class RiskGenomeEvolutionTests
{
    private static readonly WalkForwardOptions WalkForward = new(3, FoldMode.Rolling, 0.2, 0.25, 0);

    private static (EvolutionProblem Problem, RiskGenomeEvaluator Evaluator) Create(BarSeries bars) =>
        RiskEvolutionProblem.Create(
            bars,
            new TestRiskDefinition(),
            "test@1",
            [new RiskStrategy(new MomentumTestSeed(), [24], "momentum 24"), new RiskStrategy(new MomentumTestSeed(), [6], "momentum 6")],
            WalkForward,
            new BacktestOptions());

    private static EvolutionOptions Options(int threads) => new() { PopulationSize = 12, Generations = 4, Seed = 7, Threads = threads, HallOfFameSize = 5, Fitness = new(MinTrades: 0) };

    [Fact]
    public async Task Evolve_SameSeedOneAndTwoThreads_IdenticalHallOfFameAndGenerations()
    {
        var bars = TestSeries.RandomWalk(1500, 11);
        var (p1, e1) = Create(bars);
        var (p2, e2) = Create(bars);
        var a = await new EvolutionEngine(e1, TimeProvider.System).RunAsync(p1, Options(1), null, CancellationToken.None);
        var b = await new EvolutionEngine(e2, TimeProvider.System).RunAsync(p2, Options(2), null, CancellationToken.None);

        Assert.Equal(a.HallOfFame.Select(h => h.Entry.Individual.Key), b.HallOfFame.Select(h => h.Entry.Individual.Key));
        Assert.Equal(a.HallOfFame.Select(h => h.Entry.Score.Fitness), b.HallOfFame.Select(h => h.Entry.Score.Fitness));
        Assert.Equal(a.Generations.Select(g => g.BestFitness), b.Generations.Select(g => g.BestFitness));
        Assert.All(a.HallOfFame, h => Assert.Equal("risk:test", h.Entry.Individual.SeedTypeId));
    }

    [Fact]
    public async Task Evolve_RandomWalk_FindsGenomeBetterThanPresetOnTrainingWindows()
    {
        var bars = TestSeries.RandomWalk(1500, 11);
        var (problem, evaluator) = Create(bars);
        var options = Options(2);
        var result = await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(problem, options, null, CancellationToken.None);
        var preset = new TestRiskDefinition().Genes.Select(g => g.Default).ToArray();
        var baseline = RiskBaseline.Evaluate(problem, evaluator, options, preset, CancellationToken.None);

        Assert.True(double.IsFinite(baseline.Fitness));
        Assert.True(result.HallOfFame[0].Entry.Score.Fitness > baseline.Fitness, $"best {result.HallOfFame[0].Entry.Score.Fitness} vs preset {baseline.Fitness}");
        var genes = result.HallOfFame[0].Entry.Individual.Genes;
        var specs = new TestRiskDefinition().Genes;
        for (var i = 0; i < genes.Length; i++)
        {
            Assert.InRange(genes[i], specs[i].Min, specs[i].Max);
        }
    }

    [Fact]
    public void EvaluateOne_UnreachableLimitsOneStrategy_EqualsKernelBacktestOnEachWindow()
    {
        var bars = TestSeries.RandomWalk(800, 3);
        var seed = new MomentumTestSeed();
        var (problem, _) = RiskEvolutionProblem.Create(bars, new TestRiskDefinition(), "test@1", [new RiskStrategy(seed, [12], "m")], WalkForward, new BacktestOptions());
        var evaluator = new RiskGenomeEvaluator(bars, new TestRiskDefinition(), [new RiskStrategy(seed, [12], "m")], new BacktestOptions());
        var specs = new TestRiskDefinition().Genes;
        var genes = specs.Select(g => g.Name switch
        {
            "max_position_size_pct" => 1.0,
            "daily_drawdown_limit_pct" => 0.2,
            "total_drawdown_limit_pct" => 0.5,
            "concentration_limit_pct" => 2.0,
            "max_trades_per_hour" => 1e9,
            "consecutive_loss_limit" => 1e9,
            "rapid_loss_threshold_pct" => 1e9,
            _ => g.Default,
        }).ToArray();
        var plan = problem.GenerationPlan(1, includeTests: true);
        var eval = evaluator.EvaluateOne(new Individual("risk:test", "test@1", genes), plan, CancellationToken.None);

        Assert.Equal(EvaluationStatus.Ok, eval.Status);
        for (var w = 0; w < plan.Windows.Count; w++)
        {
            var range = new BarRange(plan.Windows[w].Bars.Start, plan.Windows[w].Bars.End);
            var kernel = Backtest.Run(bars, seed, [12], new BacktestOptions(), range).Metrics;
            var m = eval.Windows[w];
            if (kernel.MaxDrawdownPct <= -20)
            {
                continue; // the fixed preset genes can still trip (daily drawdown 20 %); compare only windows no breaker can touch
            }

            Assert.Equal(kernel.TotalReturnPct / 100, m.TotalReturn, 9);
            Assert.Equal(kernel.Sharpe, m.Sharpe, 6);
            Assert.Equal(Math.Abs(kernel.MaxDrawdownPct) / 100, m.MaxDrawdown, 9);
            Assert.Equal(kernel.Trades, m.Trades);
        }
    }

    [Fact]
    public async Task StoredEvolution_RiskRun_LandsInEvolutionTablesAndRiskRuns()
    {
        using var dir = new TempDir();
        using var db = ResearchDatabase.Open(Path.Combine(dir.Path, "r.duckdb"));
        var bars = TestSeries.RandomWalk(1000, 5);
        var (problem, evaluator) = Create(bars);
        var options = Options(1) with { Generations = 2 };
        var run = StoredRuns.Create(db, problem, options);
        var risk = new RiskEvolutionRunStore(db, TimeProvider.System);
        risk.Create(run.RunId, "test", "seed momentum-test", [new StoredRiskStrategy("momentum-test", [24], "momentum 24")]);
        var result = await new StoredEvolution(db, TimeProvider.System).RunAsync(run, problem, evaluator, null, CancellationToken.None);
        risk.SetBaseline(run.RunId, RiskBaseline.Evaluate(problem, evaluator, options, new TestRiskDefinition().Genes.Select(g => g.Default).ToArray(), CancellationToken.None));

        var stored = risk.Find(run.RunId)!;
        Assert.Equal("seed momentum-test", stored.StrategiesFrom);
        Assert.Equal([24.0], stored.Strategies[0].Genes);
        Assert.NotNull(stored.Baseline);
        Assert.Equal(2, new RunReader(db).Generations(run.RunId).Count);
        var hof = new RunReader(db).HallOfFame(run.RunId);
        Assert.Equal(result.HallOfFame[0].Entry.Score.Fitness, hof[0].Fitness);
        Assert.Equal("risk:test", hof[0].SeedType);
    }
}
