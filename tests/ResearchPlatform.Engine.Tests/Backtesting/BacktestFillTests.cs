using ResearchPlatform.Engine.Backtesting;
using static ResearchPlatform.Engine.Tests.Backtesting.KernelFixture;

namespace ResearchPlatform.Engine.Tests.Backtesting;

// Series (O, H, L, C): (100,101,99,100) (102,104,101,103) (105,106,100,101) (99,100,95,96) (97,99,96,98)
public sealed class BacktestFillTests
{
    [Fact]
    public void Run_NextOpen_FillsAtFollowingOpen()
    {
        var r = Run([1, 1, 0, 0, 0], NoCosts);
        var units = 10_000 / 102.0;
        Assert.Equal([10_000, units * 103, units * 101, units * 99, units * 99], r.Equity);
        var t = Assert.Single(r.Trades);
        Assert.Equal((1, 102.0, 3, 99.0), (t.EntryBar, t.EntryPrice, t.ExitBar, t.ExitPrice));
        Assert.Equal(units * (99 - 102.0), t.Pnl, 1e-9);
        Assert.Equal(((99 / 102.0) - 1) * 100, t.ReturnPct, 1e-9);
        Assert.Equal(40, r.Metrics.ExposurePct, 1e-12);
        Assert.Equal(2, r.Metrics.AvgHoldingBars);
    }

    [Fact]
    public void Run_CloseFill_FillsAtSameClose()
    {
        var r = Run([1, 1, 0, 0, 0], NoCosts with { Fill = FillMode.Close });
        Assert.Equal([10_000, 10_300, 10_100, 10_100, 10_100], r.Equity);
        var t = Assert.Single(r.Trades);
        Assert.Equal((0, 100.0, 2, 101.0), (t.EntryBar, t.EntryPrice, t.ExitBar, t.ExitPrice));
        Assert.Equal(10_100, r.Metrics.FinalEquity, 1e-9);
    }

    [Fact]
    public void Run_FeeBps_ChargedOnBothFillsAndSizedToAfford()
    {
        var r = Run([1, 1, 0, 0, 0], NoCosts with { Fill = FillMode.Close, FeeBps = 10 });
        var units = 10_000 / (100 * 1.001);
        var entryFee = units * 100 * 0.001;
        var exitFee = units * 101 * 0.001;
        Assert.Equal(0, 10_000 - (units * 100) - entryFee, 1e-9);
        Assert.Equal(units * 101 * 0.999, r.Metrics.FinalEquity, 1e-9);
        Assert.Equal(entryFee + exitFee, r.Metrics.FeesPaid, 1e-9);
        Assert.Equal((units * 1) - entryFee - exitFee, r.Trades[0].Pnl, 1e-9);
        Assert.Equal(entryFee + exitFee, r.Trades[0].Fees, 1e-9);
        Assert.Equal(units * 201 / 10_000, r.Metrics.Turnover, 1e-12);
    }

    [Fact]
    public void Run_SlippageBps_MovesFillsAgainstTheTrader()
    {
        var r = Run([1, 1, 0, 0, 0], NoCosts with { SlippageBps = 50 });
        Assert.Equal(102 * 1.005, r.Trades[0].EntryPrice, 1e-12);
        Assert.Equal(99 * 0.995, r.Trades[0].ExitPrice, 1e-12);
        Assert.Equal(10_000 / (102 * 1.005) * 99 * 0.995, r.Metrics.FinalEquity, 1e-9);
    }

    [Fact]
    public void Run_SlippageRange_ScalesWithTheFillBarsRange()
    {
        var r = Run([1, 1, 0, 0, 0], NoCosts with { SlippageRangeFraction = 0.1 });
        Assert.Equal(102 + (0.1 * (104 - 101)), r.Trades[0].EntryPrice, 1e-12);
        Assert.Equal(99 - (0.1 * (100 - 95)), r.Trades[0].ExitPrice, 1e-12);
    }

    [Fact]
    public void Run_Reversal_ClosesThenReopens()
    {
        var r = Run([1, -1, -1, 0, 0], NoCosts with { Fill = FillMode.Close, Sizing = SizingMode.FixedUnits, Units = 1 });
        Assert.Equal(2, r.Trades.Count);
        Assert.Equal((0, 100.0, 1, 103.0, 1.0, 3.0), (r.Trades[0].EntryBar, r.Trades[0].EntryPrice, r.Trades[0].ExitBar, r.Trades[0].ExitPrice, r.Trades[0].Units, r.Trades[0].Pnl));
        Assert.Equal((1, 103.0, 3, 96.0, -1.0, 7.0), (r.Trades[1].EntryBar, r.Trades[1].EntryPrice, r.Trades[1].ExitBar, r.Trades[1].ExitPrice, r.Trades[1].Units, r.Trades[1].Pnl));
        Assert.Equal(10_010, r.Metrics.FinalEquity, 1e-9);
        Assert.Equal(100, r.Metrics.WinRatePct);
    }

    [Fact]
    public void Run_LongOnly_TurnsShortTargetsFlat()
    {
        var r = Run([1, -1, -1, 0, 0], NoCosts with { Fill = FillMode.Close, Sizing = SizingMode.FixedUnits, Direction = TradeDirection.LongOnly });
        var t = Assert.Single(r.Trades);
        Assert.Equal((103.0, 1.0), (t.ExitPrice, t.Units));
        Assert.Equal(10_003, r.Metrics.FinalEquity, 1e-9);
    }

    [Fact]
    public void Run_ShortOnly_TurnsLongTargetsFlat()
    {
        var r = Run([1, -1, -1, 0, 0], NoCosts with { Fill = FillMode.Close, Sizing = SizingMode.FixedUnits, Direction = TradeDirection.ShortOnly });
        var t = Assert.Single(r.Trades);
        Assert.Equal((103.0, 96.0, -1.0), (t.EntryPrice, t.ExitPrice, t.Units));
        Assert.Equal(10_007, r.Metrics.FinalEquity, 1e-9);
    }

    [Fact]
    public void Run_Funding_LongPaysPositiveRateAtTheClose()
    {
        var r = Run([1, 1, 1, 1, 1], NoCosts with { Fill = FillMode.Close, Sizing = SizingMode.FixedUnits, FundingRates = [0, 0.01, 0, -0.02, 0], ExitAtEnd = EndOfDataMode.None });
        Assert.Equal(10_000 - 100 + 98 - (103 * 0.01) + (96 * 0.02), r.Metrics.FinalEquity, 1e-9);
    }
}
