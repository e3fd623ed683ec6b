using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution.Persistence;

public sealed class EvolutionRunStoreTests
{
    [Fact]
    public void Create_ThreeRuns_SequentialIdsListedInOrderWithConfigRoundTripped()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var problem = TestGenomes.Problem();
        var options = new EvolutionOptions
        {
            PopulationSize = 64,
            Seed = 9,
            TimeBudget = TimeSpan.FromMinutes(10),
            Objective = EvolutionObjective.Pareto,
            Objective1 = ObjectiveMetric.AnnualReturn,
            SeedTypeWeights = new Dictionary<string, double> { ["alpha"] = 3, ["beta"] = 1 },
            Fitness = new CompositeFitnessOptions(MinTrades: 25, ConsistencyPenalty: 0.5),
        };

        var ids = Enumerable.Range(0, 3).Select(_ => StoredRuns.Create(db, problem, options).RunId).ToList();

        Assert.Equal(["evo-0001", "evo-0002", "evo-0003"], ids);
        var store = new EvolutionRunStore(db, TimeProvider.System);
        Assert.Equal(ids, store.List().Select(r => r.RunId));
        Assert.Null(store.Find("evo-0999"));
        var read = store.Find("evo-0002")!;
        Assert.Equal(EvolutionRunStatus.Running, read.Status);
        Assert.Equal(0, read.CompletedGenerations);
        Assert.Equal(["alpha", "beta"], read.SeedTypes.Select(s => s.Id));
        Assert.Equal(["1.0.0", "2.1.0"], read.SeedTypes.Select(s => s.PluginVersion));
        var o = read.Config.Evolution;
        Assert.Equal(options with { SeedTypeWeights = o.SeedTypeWeights }, o);
        Assert.Equal(options.SeedTypeWeights, o.SeedTypeWeights);
        Assert.Equal(problem.WalkForward.Options, read.Config.WalkForward);
        Assert.Equal(new Engine.Backtesting.BacktestOptions(), read.Config.Backtest);
    }

    [Fact]
    public async Task WriteGeneration_SameGenerationTwice_SecondWriteRollsBackEntirely()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var problem = TestGenomes.Problem();
        var options = new EvolutionOptions { PopulationSize = 20, Generations = 1 };
        var run = StoredRuns.Create(db, problem, options);
        var observer = new RecordingObserver();
        await new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(problem, options, observer, CancellationToken.None);
        var writer = new GenerationWriter(db, TimeProvider.System, problem.SeedTypes);
        writer.WriteGeneration(run.RunId, observer.Snapshots[0]);
        var before = DbProbe.Count(db, "SELECT count(*) FROM individuals");

        // The individuals append fine (new sequence numbers would not clash), but the generations row does: all or nothing.
        var again = observer.Snapshots[0] with { NewlyEvaluated = observer.Snapshots[0].NewlyEvaluated.Select(e => e with { Sequence = e.Sequence + 1000 }).ToList() };
        Assert.ThrowsAny<Exception>(() => writer.WriteGeneration(run.RunId, again));

        Assert.Equal(20, before);
        Assert.Equal(before, DbProbe.Count(db, "SELECT count(*) FROM individuals"));
        Assert.Equal(1, DbProbe.Count(db, "SELECT count(*) FROM generations"));
    }

    [Fact]
    public async Task Checkpoint_GeneRenamedInPlugin_ThrowsNamingTheIndividual()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var problem = TestGenomes.Problem();
        var options = new EvolutionOptions { PopulationSize = 20, Generations = 2 };
        var run = StoredRuns.Create(db, problem, options);
        await new StoredEvolution(db, TimeProvider.System).RunAsync(run, problem, new AnalyticEvaluator(), null, CancellationToken.None);
        var renamed = TestGenomes.Beta with { Genes = [TestGenomes.Beta.Genes[0] with { Name = "why" }, TestGenomes.Beta.Genes[1]] };

        var ex = Assert.Throws<InvalidDataException>(() =>
            new RunReader(db).Checkpoint(run.RunId, problem.GenerationPlan(1, true), [TestGenomes.Alpha, renamed]));

        Assert.Contains("gene 'why' of seed type 'beta' is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"run {run.RunId} individual", ex.Message, StringComparison.Ordinal);
    }
}
