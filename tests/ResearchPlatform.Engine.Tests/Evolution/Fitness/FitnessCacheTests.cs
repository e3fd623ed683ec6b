using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Engine.Tests.Evolution.Fitness;

public sealed class FitnessCacheTests
{
    private static EvaluationPlan Plan(string dataset = "btc 1h", string costs = "hl", int start = 0) => new(
        dataset, costs, [new EvaluationWindow(0, WindowRole.Train, new BarWindow(start, 100))], EvaluationPurpose.Generation, 1);

    private static EvaluatedIndividual Entry(Individual ind) =>
        new(ind, IndividualEvaluation.Ok([new WindowMetrics(1, 0, 0, 1, 100)]), Engine.Evolution.Fitness.FitnessScore.Failed, 0, 0);

    [Fact]
    public void TryGet_SameKeyAgain_HitsAndCountsBoth()
    {
        var cache = new FitnessCache();
        var ind = new Individual("momentum", "1.0.0", [10, 0.5]);
        cache.Add(Plan(), Entry(ind));

        Assert.True(cache.TryGet(new Individual("momentum", "1.0.0", [10, 0.5]), Plan(), out var hit));
        Assert.Same(ind, hit.Individual);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(0, cache.Misses);
    }

    [Theory]
    [InlineData("momentum", "1.0.1", 10.0, "btc 1h", "hl", 0)]     // plugin version
    [InlineData("breakout", "1.0.0", 10.0, "btc 1h", "hl", 0)]     // seed type
    [InlineData("momentum", "1.0.0", 10.000000001, "btc 1h", "hl", 0)] // genes
    [InlineData("momentum", "1.0.0", 10.0, "eth 1h", "hl", 0)]     // data
    [InlineData("momentum", "1.0.0", 10.0, "btc 1h", "hl", 1)]     // window
    [InlineData("momentum", "1.0.0", 10.0, "btc 1h", "zero", 0)]   // cost model
    public void TryGet_AnyKeyPartDiffers_Misses(string seed, string version, double gene, string dataset, string costs, int start)
    {
        var cache = new FitnessCache();
        cache.Add(Plan(), Entry(new Individual("momentum", "1.0.0", [10, 0.5])));

        Assert.False(cache.TryGet(new Individual(seed, version, [gene, 0.5]), Plan(dataset, costs, start), out _));
        Assert.Equal(1, cache.Misses);
    }

    [Fact]
    public void Individual_NegativeZero_EqualsPositiveZero()
    {
        Assert.Equal(new Individual("a", "1", [0.0]), new Individual("a", "1", [-0.0]));
        Assert.Equal(new Individual("a", "1", [0.0]).GetHashCode(), new Individual("a", "1", [-0.0]).GetHashCode());
        Assert.Equal("a@1[0;1.5]", new Individual("a", "1", [-0.0, 1.5]).Key);
    }
}
