using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Cluster.Tests.TestSupport;

/// <summary>A synthetic evolution problem and random individuals over the fixture's seed types.</summary>
internal static class Problems
{
    public static readonly BarSeries Bars = SyntheticBars.Generate("SYN/USDT", BarInterval.Parse("1h"), 2000, seed: 11);

    public static (EvolutionProblem Problem, BacktestFitnessEvaluator Local) Create(bool slow = false) =>
        BacktestProblem.Create(Bars, [ClusterFixture.Seeds[slow ? 1 : 0]], new WalkForwardOptions(3), new BacktestOptions());

    public static List<Individual> Random(int count, int seed, string seedType = "step-test")
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new Individual(seedType, "1.0.0", [rng.Next(1, 61), Math.Round(rng.NextDouble() * 0.03, 4)]))];
    }
}
