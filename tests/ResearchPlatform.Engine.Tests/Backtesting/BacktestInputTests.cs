using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Backtesting;

public sealed class BacktestInputTests
{
    private static readonly ScriptedSeed Seed = new([1, 1, 1, 1, 1]);

    [Fact]
    public void Run_InvalidOptions_ListsEveryBadField()
    {
        var ex = Assert.Throws<BacktestInputException>(() => Backtest.Run(TestSeries.Five(), Seed, [0], new BacktestOptions { InitialCash = 0, FeeBps = -1, StopLossPct = 150 }));
        Assert.Contains("InitialCash", ex.Message, StringComparison.Ordinal);
        Assert.Contains("FeeBps", ex.Message, StringComparison.Ordinal);
        Assert.Contains("StopLossPct", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidGene_NamesTheGene()
    {
        var ex = Assert.Throws<BacktestInputException>(() => Backtest.Run(TestSeries.Five(), Seed, [0.5], new BacktestOptions()));
        Assert.Contains("'script'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunBatch_EmptyOrOutsideWindow_IsRejected()
    {
        var ex = Assert.Throws<BacktestInputException>(() => BacktestEngine.RunBatch(TestSeries.Five(), Seed, [0], 1, new BacktestOptions(), [new BarRange(3, 3), new BarRange(0, 9)], 1, default));
        Assert.Contains("[3, 3)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[0, 9)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunBatch_GeneMatrixOfWrongLength_IsRejected()
    {
        Assert.Throws<BacktestInputException>(() => BacktestEngine.RunBatch(TestSeries.Five(), Seed, [0, 0, 0], 2, new BacktestOptions(), [BarRange.All(5)], 1, default));
    }

    [Fact]
    public void Run_FundingSeriesOfWrongLength_IsRejected()
    {
        Assert.Throws<BacktestInputException>(() => Backtest.Run(TestSeries.Five(), Seed, [0], new BacktestOptions { FundingRates = [0, 0] }));
    }
}
