using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution;

public sealed class EvolutionEngineDeterminismTests
{
    private static async Task<(EvolutionResult Result, RecordingObserver Observer)> RunAsync(EvolutionOptions options)
    {
        var observer = new RecordingObserver();
        var engine = new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System);
        var result = await engine.RunAsync(TestGenomes.Problem(), options, observer, CancellationToken.None);
        return (result, observer);
    }

    [Theory]
    [InlineData("Composite")]
    [InlineData("Pareto")]
    public async Task RunAsync_SameSeedTwice_IdenticalPopulationsAndHallOfFame(string objectiveName)
    {
        var objective = Enum.Parse<EvolutionObjective>(objectiveName);
        var options = new EvolutionOptions { PopulationSize = 60, Generations = 8, Seed = 7, Objective = objective, StagnationGenerations = 0 };

        var (a, obsA) = await RunAsync(options);
        var (b, obsB) = await RunAsync(options);

        Assert.Equal(8, a.Generations.Count);
        Assert.Equal(obsA.Snapshots.Select(Fingerprint.Of), obsB.Snapshots.Select(Fingerprint.Of));
        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b));
        Assert.Equal(20, a.HallOfFame.Count);
    }

    [Theory]
    [InlineData("Composite")]
    [InlineData("Pareto")]
    public async Task RunAsync_OneVersusTwoThreads_IdenticalPopulationsAndHallOfFame(string objectiveName)
    {
        var objective = Enum.Parse<EvolutionObjective>(objectiveName);
        var one = new EvolutionOptions { PopulationSize = 80, Generations = 6, Seed = 11, Threads = 1, Objective = objective, StagnationGenerations = 0 };

        var (a, obsA) = await RunAsync(one);
        var (b, obsB) = await RunAsync(one with { Threads = 2 });

        Assert.Equal(obsA.Snapshots.Select(Fingerprint.Of), obsB.Snapshots.Select(Fingerprint.Of));
        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b));
    }

    [Fact]
    public async Task RunAsync_DifferentSeed_DifferentInitialPopulation()
    {
        var options = new EvolutionOptions { PopulationSize = 40, Generations = 1 };

        var (a, _) = await RunAsync(options with { Seed = 1 });
        var (b, _) = await RunAsync(options with { Seed = 2 });

        Assert.NotEqual(a.FinalPopulation.Select(p => p.Individual.Key), b.FinalPopulation.Select(p => p.Individual.Key));
    }

    [Fact]
    public void DeriveSeed_SameInputs_SameStreamAndGenerationsDiffer()
    {
        var seeds = Enumerable.Range(0, 50).Select(g => RunRandom.DeriveSeed(42, g)).ToList();

        Assert.Equal(seeds, Enumerable.Range(0, 50).Select(g => RunRandom.DeriveSeed(42, g)));
        Assert.Equal(50, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s >= 0));
        Assert.Equal(RunRandom.ForGeneration(42, 3).NextDouble(), RunRandom.ForGeneration(42, 3).NextDouble());
    }
}
