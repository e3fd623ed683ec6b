using ResearchPlatform.Engine.Risk;

namespace ResearchPlatform.Engine.Tests.Risk;

public sealed class RiskBenchmarkTests
{
    [Fact]
    public void Run_SmallIterationCount_ReportsEveryOperationWithOrderedPercentiles()
    {
        var stats = RiskBenchmark.Run(TimeProvider.System, 1_000, seed: 7);
        Assert.Equal(["evaluate_trade_risk", "position_sizer", "regime_update", "on_bar"], stats.Select(s => s.Operation));
        Assert.Equal([1_000, 1_000, 100, 100], stats.Select(s => s.Samples));
        Assert.Equal([20.0, 5.0, 1_000.0, null], stats.Select(s => s.TargetP99Us));
        Assert.All(stats, s => Assert.True(s.P50Us > 0 && s.P50Us <= s.P99Us && s.P99Us <= s.MaxUs, s.ToString()));
    }

    [Fact]
    public void FromTicks_KnownTicks_PicksNearestRankPercentiles()
    {
        var ticks = Enumerable.Range(1, 100).Select(i => (long)i).Reverse().ToArray();
        var s = LatencyStats.FromTicks("x", ticks, 1);
        var us = 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency;
        Assert.Equal((50 * us, 99 * us, 100 * us, 50.5 * us), (s.P50Us, s.P99Us, s.MaxUs, s.MeanUs));
    }
}
