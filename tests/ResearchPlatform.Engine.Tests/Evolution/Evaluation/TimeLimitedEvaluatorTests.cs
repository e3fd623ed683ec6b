using System.Diagnostics;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution.Evaluation;

/// <summary>The per-evaluation time limit: a pathological individual times out, its generation completes.</summary>
public sealed class TimeLimitedEvaluatorTests
{
    /// <summary>Evaluates like <see cref="AnalyticEvaluator"/> except that chosen individuals hang (cooperatively or not).</summary>
    private sealed class HangingEvaluator(Func<Individual, bool> hangs, bool cooperative) : IFitnessEvaluator
    {
        private readonly AnalyticEvaluator _inner = new();

        public async ValueTask<IReadOnlyList<IndividualEvaluation>> EvaluateAsync(IReadOnlyList<Individual> batch, EvaluationPlan plan, CancellationToken ct)
        {
            if (batch.Any(hangs))
            {
                if (cooperative)
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                else
                {
                    Thread.Sleep(8000); // ignores its token; far beyond every deadline so a starved timer still fires first
                }
            }

            return await _inner.EvaluateAsync(batch, plan, ct);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_OneHangingIndividual_RecordedAsTimedOutAndGenerationCompletes(bool cooperative)
    {
        Individual? victim = null;
        var evaluator = new TimeLimitedEvaluator(
            new HangingEvaluator(i => i.Equals(Volatile.Read(ref victim) ?? Interlocked.CompareExchange(ref victim, i, null) ?? i), cooperative),
            TimeSpan.FromMilliseconds(150),
            TimeProvider.System);
        var options = new EvolutionOptions { PopulationSize = 16, Generations = 2, Seed = 3, Threads = 2, StagnationGenerations = 0 };
        var watch = Stopwatch.StartNew();

        var result = await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(TestGenomes.Problem(), options, null, CancellationToken.None);

        Assert.Equal(2, result.Generations.Count);
        Assert.Equal(1, result.Generations[0].Timeouts);
        Assert.Equal(0, result.Generations[0].Failures);
        Assert.DoesNotContain(result.HallOfFame, h => h.Entry.Individual.Equals(victim));
        Assert.True(double.IsFinite(result.Generations[^1].BestFitness));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task EvaluateAsync_FastBatch_SameResultsAsInnerEvaluator()
    {
        var problem = TestGenomes.Problem();
        var plan = problem.GenerationPlan(2, includeTests: true);
        var batch = new[] { new Individual("alpha", "1", [7, 20, 1]), new Individual("beta", "1", [0, 0.3]) };
        var direct = await new AnalyticEvaluator().EvaluateAsync(batch, plan, CancellationToken.None);
        var limited = await new TimeLimitedEvaluator(new AnalyticEvaluator(), TimeSpan.FromSeconds(30), TimeProvider.System).EvaluateAsync(batch, plan, CancellationToken.None);

        Assert.Equal(direct.Select(r => r.Status), limited.Select(r => r.Status));
        Assert.Equal(direct.SelectMany(r => r.Windows), limited.SelectMany(r => r.Windows));
    }
}
