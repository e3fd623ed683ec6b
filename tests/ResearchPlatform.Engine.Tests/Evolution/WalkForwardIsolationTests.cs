using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution;

/// <summary>Selection never sees test or hold-out bars; the hold-out is evaluated once, after selection, for the hall of fame.</summary>
public sealed class WalkForwardIsolationTests
{
    private static readonly EvolutionOptions Options = new() { PopulationSize = 50, Generations = 8, Seed = 5, StagnationGenerations = 0 };

    [Theory]
    [InlineData("Composite")]
    [InlineData("Pareto")]
    public async Task RunAsync_OutOfSampleMetricsPoisoned_SelectionAndPopulationsUnchanged(string objectiveName)
    {
        var objective = Enum.Parse<EvolutionObjective>(objectiveName);
        var options = Options with { Objective = objective };
        var clean = new RecordingObserver();
        var poisoned = new RecordingObserver();

        // Test and hold-out windows reward the opposite of the training landscape, with huge numbers.
        var poison = new AnalyticEvaluator
        {
            OutOfSampleOverride = (ind, w) => new WindowMetrics(1000 * ind.Genes[0], 50 * ind.Genes[0], 0, 1000, w.Bars.Length),
        };
        var a = await new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(TestGenomes.Problem(), options, clean, CancellationToken.None);
        var b = await new EvolutionEngine(poison, TimeProvider.System).RunAsync(TestGenomes.Problem(), options, poisoned, CancellationToken.None);

        Assert.Equal(clean.Snapshots.Select(Fingerprint.Of), poisoned.Snapshots.Select(Fingerprint.Of));
        Assert.Equal(a.HallOfFame.Select(h => h.Entry.Individual.Key), b.HallOfFame.Select(h => h.Entry.Individual.Key));
        Assert.NotEqual(a.HallOfFame[0].Entry.Score.OutOfSample.Sharpe, b.HallOfFame[0].Entry.Score.OutOfSample.Sharpe);
        Assert.NotEqual(a.HallOfFame[0].Holdout.Sharpe, b.HallOfFame[0].Holdout.Sharpe);
    }

    [Theory]
    [InlineData("Rolling")]
    [InlineData("Anchored")]
    public async Task RunAsync_EvaluatorCalls_HoldoutBarsOnlyInOneFinalHoldoutCall(string modeName)
    {
        var mode = Enum.Parse<FoldMode>(modeName);
        var evaluator = new AnalyticEvaluator();
        var problem = TestGenomes.Problem(2000, mode);

        var result = await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(problem, Options, null, CancellationToken.None);

        var calls = evaluator.Calls.ToList();
        var holdout = problem.WalkForward.Holdout;
        Assert.Equal(new BarWindow(1600, 400), holdout);
        Assert.Equal(Options.Generations + 1, calls.Count);
        foreach (var call in calls.Take(calls.Count - 1))
        {
            Assert.Equal(EvaluationPurpose.Generation, call.Purpose);
            Assert.All(call.Windows, w => Assert.True(w.Bars.End <= holdout.Start, $"{w.Role} window {w.Bars} reaches the hold-out"));
            Assert.All(call.Windows, w => Assert.NotEqual(WindowRole.Holdout, w.Role));
        }

        var last = calls[^1];
        Assert.Equal(EvaluationPurpose.Holdout, last.Purpose);
        Assert.Equal([holdout], last.Windows.Select(w => w.Bars));
        Assert.Equal(result.HallOfFame.Select(h => h.Entry.Individual).Distinct().Count(), last.Batch.Count);
        Assert.All(result.HallOfFame, h => Assert.Equal(400, h.Holdout.Bars));
    }

    [Fact]
    public void Score_SelectionInputs_ComeOnlyFromTrainWindowsThatAvoidEveryStrictTestWindow()
    {
        var problem = TestGenomes.Problem();
        var plan = problem.GenerationPlan(1, includeTests: true);

        var train = plan.Windows.Where(w => w.Role == WindowRole.Train).ToList();
        var tests = plan.Windows.Where(w => w.Role == WindowRole.Test).ToList();

        Assert.Equal(4, train.Count);
        Assert.Equal(4, tests.Count);
        Assert.All(tests, t => Assert.True(t.StrictlyOutOfSample));
        Assert.All(tests, t => Assert.All(train, tr => Assert.False(tr.Bars.Overlaps(t.Bars), $"train {tr.Bars} overlaps test {t.Bars}")));
        var scorer = new FitnessScorer(new CompositeFitnessOptions(), ObjectiveMetric.Sharpe, ObjectiveMetric.NegMaxDrawdown, 8760);
        var metrics = plan.Windows.Select(w => new WindowMetrics(w.Role == WindowRole.Train ? 1 : 99, 0, 0.1, 20, w.Bars.Length)).ToList();
        var score = scorer.Score(plan, IndividualEvaluation.Ok(metrics));
        Assert.Equal(1.0, score.Train.Sharpe);
        Assert.Equal(99.0, score.OutOfSample.Sharpe);
        Assert.Equal(1.0, score.Objective1);
    }
}
