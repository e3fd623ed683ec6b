using ResearchPlatform.Engine.Backtesting;
using static ResearchPlatform.Engine.Tests.Backtesting.KernelFixture;

namespace ResearchPlatform.Engine.Tests.Backtesting;

// Long entered at the open of bar 1 (102). Bars: (102,104,101,103) (105,106,100,101) (99,100,95,96) (97,99,96,98)
public sealed class BacktestStopTests
{
    private static readonly double[] AlwaysLong = [1, 1, 1, 1, 1];

    [Fact]
    public void Run_StopLoss_FillsAtTheLevel()
    {
        var r = Run(AlwaysLong, NoCosts with { StopLossPct = 3 });
        var t = r.Trades[0];
        Assert.Equal((3, 102 * 0.97, ExitReason.StopLoss), (t.ExitBar, t.ExitPrice, t.Reason));
        Assert.Single(r.Trades); // no re-entry while the target stays the same
        Assert.Equal(10_000 / 102.0 * 102 * 0.97, r.Metrics.FinalEquity, 1e-9);
    }

    [Fact]
    public void Run_StopLossGappedThrough_FillsAtTheOpen()
    {
        var r = Run(AlwaysLong, NoCosts with { StopLossPct = 2 });
        Assert.Equal((3, 99.0, ExitReason.StopLoss), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
    }

    [Fact]
    public void Run_TakeProfit_FillsAtTheLevelWithMakerFee()
    {
        var r = Run(AlwaysLong, NoCosts with { TakeProfitPct = 3, MakerFeeBps = 2 });
        var t = r.Trades[0];
        var units = 10_000 / 102.0;
        Assert.Equal((2, 102 * 1.03, ExitReason.TakeProfit), (t.ExitBar, t.ExitPrice, t.Reason));
        Assert.Equal(units * 102 * 1.03 * 0.0002, t.Fees, 1e-9);
        Assert.Equal(units * 102 * 1.03 * 0.9998, r.Metrics.FinalEquity, 1e-9);
        Assert.Equal(t.Fees, r.Metrics.FeesPaid, 1e-9);
    }

    [Fact]
    public void Run_TakeProfitGappedThrough_FillsAtTheOpen()
    {
        var r = Run(AlwaysLong, NoCosts with { TakeProfitPct = 2 });
        Assert.Equal((2, 105.0, ExitReason.TakeProfit), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
    }

    [Fact]
    public void Run_StopAndTakeProfitInOneBar_StopAssumedFirst()
    {
        var r = Run(AlwaysLong, NoCosts with { StopLossPct = 1.5, TakeProfitPct = 3 });
        Assert.Equal((2, 102 * 0.985, ExitReason.StopLoss), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
    }

    [Fact]
    public void Run_TrailingStop_FollowsTheHighSinceEntry()
    {
        var r = Run(AlwaysLong, NoCosts with { TrailingStopPct = 3 });
        Assert.Equal((2, 104 * 0.97, ExitReason.TrailingStop), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
    }

    [Fact]
    public void Run_ShortStopLoss_FillsAboveEntryWithSlippage()
    {
        var r = Run([-1, -1, -1, -1, -1], NoCosts with { StopLossPct = 2, SlippageBps = 10 });
        var entry = 102 * 0.999;
        var level = entry * 1.02;
        // bar 1's high (104) reaches the stop (103.94) on the entry bar itself
        Assert.Equal((1, ExitReason.StopLoss), (r.Trades[0].ExitBar, r.Trades[0].Reason));
        Assert.Equal(level * 1.001, r.Trades[0].ExitPrice, 1e-9);
    }
}
