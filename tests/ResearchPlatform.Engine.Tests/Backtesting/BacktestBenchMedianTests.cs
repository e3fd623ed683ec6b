using ResearchPlatform.Engine.Backtesting.Benchmarks;

namespace ResearchPlatform.Engine.Tests.Backtesting;

/// <summary>The median the backtest bench prints next to the best run.</summary>
public sealed class BacktestBenchMedianTests
{
    [Fact]
    public void Median_OddCount_IsTheMiddleRun() =>
        Assert.Equal(0.30, BacktestBench.Median([0.50, 0.25, 0.30, 0.90, 0.28]));

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheTwoMiddleRuns() =>
        Assert.Equal(0.29, BacktestBench.Median([0.50, 0.30, 0.25, 0.28]), 12);

    [Fact]
    public void Median_NoRuns_IsAnError() =>
        Assert.Throws<ArgumentException>(() => BacktestBench.Median([]));
}
