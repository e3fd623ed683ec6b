using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution;

public sealed class EvolutionEngineResumeTests
{
    [Theory]
    [InlineData("Composite", 0)]
    [InlineData("Composite", 4)]
    [InlineData("Pareto", 3)]
    public async Task ResumeAsync_FromCheckpointAfterCancel_SameOutcomeAsUninterruptedRun(string objectiveName, int stopAfter)
    {
        var objective = Enum.Parse<EvolutionObjective>(objectiveName);
        var options = new EvolutionOptions { PopulationSize = 40, Generations = 9, Seed = 99, Objective = objective, StagnationGenerations = 0 };
        var problem = TestGenomes.Problem();
        var full = new RecordingObserver();
        var expected = await new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(problem, options, full, CancellationToken.None);

        using var cts = new CancellationTokenSource();
        var interrupted = new RecordingObserver(cts, stopAfter);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(problem, options, interrupted, cts.Token));
        var resumed = new RecordingObserver();
        var evaluator = new AnalyticEvaluator();
        var actual = await new EvolutionEngine(evaluator, TimeProvider.System)
            .ResumeAsync(problem, options, interrupted.CheckpointAt(stopAfter), resumed, CancellationToken.None);

        Assert.Equal(Fingerprint.Of(expected), Fingerprint.Of(actual));
        Assert.Equal(full.Snapshots.Skip(stopAfter + 1).Select(Fingerprint.Of), resumed.Snapshots.Select(Fingerprint.Of));
        var before = interrupted.Snapshots.SelectMany(s => s.NewlyEvaluated).Select(e => e.Individual).ToHashSet();
        var generationBatches = evaluator.Calls.Where(c => c.Purpose == Engine.Evolution.Fitness.EvaluationPurpose.Generation);
        Assert.DoesNotContain(generationBatches.SelectMany(c => c.Batch), before.Contains);
    }

    [Fact]
    public async Task ResumeAsync_CheckpointOfWrongPopulationSize_ReportsIt()
    {
        var options = new EvolutionOptions { PopulationSize = 20, Generations = 3 };
        var observer = new RecordingObserver();
        await new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(TestGenomes.Problem(), options, observer, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<EvolutionConfigurationException>(() => new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System)
            .ResumeAsync(TestGenomes.Problem(), options with { PopulationSize = 30 }, observer.CheckpointAt(1), null, CancellationToken.None));

        Assert.Contains(ex.Errors, e => e.Contains("checkpoint has 20 members", StringComparison.Ordinal));
    }
}
