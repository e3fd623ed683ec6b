using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution;

public sealed class EvolutionEngineTerminationTests
{
    [Fact]
    public async Task RunAsync_GenerationLimit_StopsAfterExactlyThatMany()
    {
        var evaluator = new AnalyticEvaluator();
        var options = new EvolutionOptions { PopulationSize = 20, Generations = 5, StagnationGenerations = 0 };

        var result = await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(TestGenomes.Problem(), options, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Generations, result.Termination);
        Assert.Equal([0, 1, 2, 3, 4], result.Generations.Select(g => g.Generation));
    }

    [Fact]
    public async Task RunAsync_FlatLandscape_StopsOnStagnationAfterNPlusOneGenerations()
    {
        var options = new EvolutionOptions { PopulationSize = 20, Generations = 50, StagnationGenerations = 3 };

        var result = await new EvolutionEngine(new AnalyticEvaluator { Flat = true }, TimeProvider.System)
            .RunAsync(TestGenomes.Problem(), options, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Stagnation, result.Termination);
        Assert.Equal(4, result.Generations.Count); // generation 0 plus 3 without improvement
    }

    [Fact]
    public async Task RunAsync_TimeBudgetOnInjectedClock_StopsWhenUsedUp()
    {
        var clock = new ManualTimeProvider();
        var evaluator = new AnalyticEvaluator { Clock = clock, AdvancePerCall = TimeSpan.FromSeconds(25) };
        var options = new EvolutionOptions { PopulationSize = 20, Generations = 100, StagnationGenerations = 0, TimeBudget = TimeSpan.FromSeconds(100) };

        var result = await new EvolutionEngine(evaluator, clock).RunAsync(TestGenomes.Problem(), options, null, CancellationToken.None);

        Assert.Equal(TerminationReason.TimeBudget, result.Termination);
        Assert.Equal(4, result.Generations.Count); // 4 x 25 s = 100 s
        Assert.All(result.Generations, g => Assert.Equal(25.0, g.EvalSeconds));
    }

    [Fact]
    public async Task RunAsync_CancelledAfterGeneration2_ThrowsWithGenerationsZeroToTwoObserved()
    {
        using var cts = new CancellationTokenSource();
        var observer = new RecordingObserver(cts, cancelGeneration: 2);
        var options = new EvolutionOptions { PopulationSize = 20, Generations = 10, StagnationGenerations = 0 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(TestGenomes.Problem(), options, observer, cts.Token));

        Assert.Equal([0, 1, 2], observer.Snapshots.Select(s => s.Generation));
    }

    [Fact]
    public async Task RunAsync_InvalidOptions_ReportsEveryBadField()
    {
        var options = new EvolutionOptions { PopulationSize = 2, EliteRatio = 1.5, MutationRate = -0.1, SeedTypeWeights = new Dictionary<string, double> { ["gamma"] = 1 } };

        var ex = await Assert.ThrowsAsync<EvolutionConfigurationException>(() =>
            new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(TestGenomes.Problem(), options, null, CancellationToken.None));

        Assert.Contains(ex.Errors, e => e.StartsWith("population ", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("elite_ratio ", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("mutation_rate ", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("unknown seed type 'gamma'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("every seed type has weight 0", StringComparison.Ordinal));
    }
}
