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

    private static readonly double[] AlwaysShort = [-1, -1, -1, -1, -1];

    [Fact]
    public void Run_ShortTrailingStop_FollowsTheLowAndGapFillsAtTheOpen()
    {
        // entry 102; bar 1's low 101 moves the level to 104.03; bar 2 opens at 105, through it
        var r = Run(AlwaysShort, NoCosts with { TrailingStopPct = 3 });
        Assert.Equal((2, 105.0, ExitReason.TrailingStop), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
    }

    [Fact]
    public void Run_ShortTakeProfit_FillsAtTheLevelBelowEntry()
    {
        var r = Run(AlwaysShort, NoCosts with { TakeProfitPct = 5 });
        Assert.Equal((3, 102 * 0.95, ExitReason.TakeProfit), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
        Assert.Equal(10_000 / 102.0 * (102 - (102 * 0.95)), r.Trades[0].Pnl, 1e-9);
    }

    [Fact]
    public void Run_ShortTakeProfitGappedThrough_FillsAtTheOpen()
    {
        var r = Run(AlwaysShort, NoCosts with { TakeProfitPct = 2 });
        Assert.Equal((3, 99.0, ExitReason.TakeProfit), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
    }

    [Fact]
    public void Run_ShortStopLossGappedThrough_FillsAtTheOpen()
    {
        var r = Run(AlwaysShort, NoCosts with { StopLossPct = 2.5 });
        Assert.Equal((2, 105.0, ExitReason.StopLoss), (r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Reason));
    }

    [Fact]
    public void Run_CloseFillStop_CheckedFromTheBarAfterEntry()
    {
        // entered at bar 0's close (100): bar 0's own low (99) touches the 1 % stop but came before the entry;
        // bar 3 opens at 99, on the level: a gap fill at the open
        var r = Run(AlwaysLong, NoCosts with { Fill = FillMode.Close, StopLossPct = 1 });
        var t = Assert.Single(r.Trades);
        Assert.Equal((0, 3, 99.0, ExitReason.StopLoss), (t.EntryBar, t.ExitBar, t.ExitPrice, t.Reason));
    }
}
