using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchPlatform.Cluster.Client;
using ResearchPlatform.Cluster.Silo;
using ResearchPlatform.Cluster.Tests.TestSupport;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Cluster.Tests.Client;

[Collection(ClusterCollection.Name)]
[TestCaseOrderer(PriorityOrderer.TypeName, PriorityOrderer.AssemblyName)]
public sealed class ClusterFitnessEvaluatorTests(ClusterFixture fixture)
{
    private static readonly ClusterEvaluatorOptions Fast = new() { BatchTimeout = TimeSpan.FromSeconds(3), MaxAttempts = 3 };

    [Fact]
    [TestPriority(1)]
    public async Task EvaluateAsync_ThreeSilos_BitIdenticalToLocalSpreadOverSilosDatasetSentOnce()
    {
        var (problem, local) = Problems.Create();
        var plan = problem.GenerationPlan(1, includeTests: true);
        var batch = Problems.Random(90, seed: 3);
        var expected = await local.EvaluateAsync(batch, plan, CancellationToken.None);
        var evaluator = Create(local, Fast);

        var first = await evaluator.EvaluateAsync(batch, plan, CancellationToken.None);
        var firstStats = evaluator.TakeDistribution()!;
        var second = await evaluator.EvaluateAsync(batch.AsEnumerable().Reverse().ToList(), plan, CancellationToken.None);

        Assert.Equal(Bits.Of(expected), Bits.Of(first));
        Assert.Equal(Bits.Of(expected.Reverse().ToList()), Bits.Of(second));
        Assert.All(first, r => Assert.Equal(EvaluationStatus.Ok, r.Status));
        Assert.Equal("cluster", firstStats.Mode);
        Assert.Equal(90, firstStats.Workers.Sum(w => w.Evaluations));
        Assert.Equal(0, firstStats.LocalFallback);
        Assert.Equal(3, firstStats.Workers.Count(w => w.Evaluations > 0));
        Assert.Equal(12, firstStats.Batches); // 3 silos x 2 threads x 2 batches per slot
        var statuses = await ClusterStatusReader.ReadAsync(fixture.Cluster.Client, TimeSpan.FromSeconds(5), CancellationToken.None);
        var active = statuses.Where(s => s.Status == "Active").ToList();
        Assert.Equal(3, active.Count);
        Assert.All(active, s => Assert.Equal(1, s.Worker!.DatasetLoads));
        Assert.Equal(180, active.Sum(s => s.Worker!.Evaluations));
        Assert.Equal(3, evaluator.Topology.Uploads);
    }

    [Fact]
    [TestPriority(2)]
    public async Task RunAsync_WholeEvolutionOnCluster_SameGenerationsAndHallOfFameAsLocal()
    {
        var (problem, local) = Problems.Create();
        var options = new EvolutionOptions { PopulationSize = 40, Generations = 3, Seed = 7, Threads = 1, HallOfFameSize = 5 };

        var expected = await new EvolutionEngine(local, TimeProvider.System).RunAsync(problem, options, null, CancellationToken.None);
        var actual = await new EvolutionEngine(Create(local, Fast), TimeProvider.System).RunAsync(problem, options, null, CancellationToken.None);

        Assert.Equal(Fingerprint(expected), Fingerprint(actual));
        Assert.NotEmpty(actual.HallOfFame);
        Assert.All(actual.Generations, g => Assert.Equal("cluster", g.Distribution!.Mode));
        Assert.All(expected.Generations, g => Assert.Null(g.Distribution));
        Assert.Equal(actual.Generations.Sum(g => g.Evaluations), actual.Generations.Sum(g => g.Distribution!.Workers.Sum(w => w.Evaluations)));
    }

    [Fact]
    [TestPriority(3)]
    public async Task RunAsync_StoredRunOnCluster_DistributionPersistedAndReadBackPerGeneration()
    {
        using var dir = new TempDir();
        using var db = ResearchDatabase.Open(dir.File("research.duckdb"));
        var (problem, local) = Problems.Create();
        var options = new EvolutionOptions { PopulationSize = 30, Generations = 2, Seed = 3, Threads = 1, HallOfFameSize = 3 };
        var walkForward = new WalkForwardOptions(3);
        var store = new EvolutionRunStore(db, TimeProvider.System);
        var run = store.Create(
            store.NextRunId(), Problems.Bars.Symbol, Problems.Bars.Interval.Code, "test", problem.DatasetKey, problem.CostModelKey, Problems.Bars.Count,
            [new SeedTypeRef("step-test", "1.0.0")], new EvolutionRunConfig(options, walkForward, new BacktestOptions()));

        await new StoredEvolution(db, TimeProvider.System).RunAsync(run, problem, Create(local, Fast), null, CancellationToken.None);
        var stored = new RunReader(db).Generations(run.RunId);

        Assert.Equal(2, stored.Count);
        Assert.All(stored, g =>
        {
            var d = g.Stats.Distribution!;
            Assert.Equal("cluster", d.Mode);
            Assert.Equal(g.Stats.Evaluations, d.Workers.Sum(w => w.Evaluations));
            Assert.All(d.Workers, w => Assert.Equal(2, w.Cores));
            Assert.Equal(0, d.LocalFallback);
        });
    }

    [Fact]
    [TestPriority(9)]
    public async Task EvaluateAsync_SiloKilledMidGeneration_CompletesBitIdenticalWithResubmissionsRecorded()
    {
        var (problem, local) = Problems.Create(slow: true);
        var plan = problem.GenerationPlan(1, includeTests: true);
        var batch = Problems.Random(48, seed: 5, seedType: "slow-step-test");
        var expected = await local.EvaluateAsync(batch, plan, CancellationToken.None);
        var evaluator = Create(local, Fast);
        var victim = fixture.Cluster.Silos[2];

        // every silo's batches are held in flight until the victim is dead (under load it once finished its share between
        // the in-flight check and the kill, leaving nothing to resubmit); the survivors go on once it is
        var seed = (StepSeed)ClusterFixture.Seeds[1].Seed;
        using var hold = new ManualResetEventSlim(false);
        seed.Hold = hold;
        Task<IReadOnlyList<IndividualEvaluation>> run;
        try
        {
            run = evaluator.EvaluateAsync(batch, plan, CancellationToken.None).AsTask();
            var service = fixture.Cluster.GetSiloServiceProvider(victim.SiloAddress).GetRequiredService<SiloEvaluationService>();
            for (var i = 0; i < 3000 && service.Counters.InFlight == 0; i++)
            {
                await Task.Delay(10);
            }

            Assert.True(service.Counters.InFlight > 0, "the victim silo was evaluating when it was killed");
            await fixture.Cluster.KillSiloAsync(victim);
        }
        finally
        {
            seed.Hold = null;
            hold.Set();
        }

        var started = TimeProvider.System.GetTimestamp(); // from the victim's death (its stop waits for its held threads)
        var actual = await run;
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        var stats = evaluator.TakeDistribution()!;
        await fixture.Cluster.StartAdditionalSiloAsync();

        Assert.Equal(Bits.Of(expected), Bits.Of(actual));
        // The victim's unfinished batches either failed on the client and went to a survivor, or Orleans forwarded them
        // to a survivor itself: both count as resubmitted; what failed was resubmitted or evaluated locally.
        Assert.True(stats.Resubmitted > 0, "resubmissions recorded");
        Assert.True(stats.Resubmitted + stats.LocalFallback >= stats.FailedEvaluations, "every failed batch went again");
        Assert.Equal(48, stats.Workers.Sum(w => w.Evaluations));
        Assert.True(seconds < 20, string.Create(CultureInfo.InvariantCulture, $"completed {seconds:0.0} s after the kill"));
        Assert.DoesNotContain(stats.Workers, w => w.Worker == victim.SiloAddress.ToParsableString() && w.Evaluations == 48);
    }

    private ClusterFitnessEvaluator Create(IFitnessEvaluator local, ClusterEvaluatorOptions options) =>
        new(fixture.Cluster.Client, Problems.Bars, new BacktestOptions(), local, options, TimeProvider.System);

    private static string Fingerprint(EvolutionResult r) =>
        string.Join('\n', r.Generations.Select(g => string.Create(CultureInfo.InvariantCulture, $"g{g.Generation} best={g.BestFitness:R} mean={g.MeanFitness:R} bi={g.BestIndividual} ev={g.Evaluations} hits={g.CacheHits}")))
        + "\n" + string.Join('\n', r.HallOfFame.Select(h => string.Create(CultureInfo.InvariantCulture, $"#{h.Rank} {h.Entry.Individual.Key} f={h.Entry.Score.Fitness:R} hold={h.Holdout.Sharpe:R}")))
        + "\n" + string.Join('\n', r.FinalPopulation.Select(p => p.Individual.Key));
}
