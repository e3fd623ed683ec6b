using ResearchPlatform.Engine.Backtesting;
using static ResearchPlatform.Engine.Tests.Backtesting.KernelFixture;

namespace ResearchPlatform.Engine.Tests.Backtesting;

public sealed class BacktestEndOfDataTests
{
    private static readonly double[] AlwaysLong = [1, 1, 1, 1, 1];

    [Fact]
    public void Run_LastOpen_ClosesAtTheLastOpen()
    {
        var r = Run(AlwaysLong, NoCosts with { ExitAtEnd = EndOfDataMode.LastOpen });
        Assert.Equal((4, 97.0, ExitReason.EndOfData), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
        Assert.Equal(10_000 / 102.0 * 97, r.Metrics.FinalEquity, 1e-9);
    }

    [Fact]
    public void Run_LastClose_ClosesAtTheLastClose()
    {
        var r = Run(AlwaysLong, NoCosts with { ExitAtEnd = EndOfDataMode.LastClose });
        Assert.Equal((4, 98.0, ExitReason.EndOfData), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
        Assert.Equal(60, r.Metrics.ExposurePct, 1e-12);
    }

    [Fact]
    public void Run_None_MarksToMarketAndCountsNoTrade()
    {
        var r = Run(AlwaysLong, NoCosts with { ExitAtEnd = EndOfDataMode.None });
        Assert.Empty(r.Trades);
        Assert.Equal(0, r.Metrics.Trades);
        Assert.Equal(10_000 / 102.0 * 98, r.Metrics.FinalEquity, 1e-9);
        Assert.Equal(80, r.Metrics.ExposurePct, 1e-12);
    }

    [Fact]
    public void Run_LastOpen_IgnoresOrderPendingForTheLastBar()
    {
        var r = Run([0, 0, 0, 1, 1], NoCosts with { ExitAtEnd = EndOfDataMode.LastOpen });
        Assert.Empty(r.Trades);
        Assert.Equal(10_000, r.Metrics.FinalEquity);
    }
}
