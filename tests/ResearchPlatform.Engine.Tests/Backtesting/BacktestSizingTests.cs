using ResearchPlatform.Engine.Backtesting;
using static ResearchPlatform.Engine.Tests.Backtesting.KernelFixture;

namespace ResearchPlatform.Engine.Tests.Backtesting;

public sealed class BacktestSizingTests
{
    [Fact]
    public void Run_WholeUnits_FloorsTheAffordableUnits()
    {
        var r = Run([1, 1, 0, 0, 0], NoCosts with { Sizing = SizingMode.WholeUnits, InitialCash = 1_000 });
        Assert.Equal(9, r.Trades[0].Units); // floor(1000 / 102)
        Assert.Equal(1_000 - (9 * 102) + (9 * 99), r.Metrics.FinalEquity, 1e-9);
    }

    [Fact]
    public void Run_WholeUnits_NotAffordable_OpensNothing()
    {
        var r = Run([1, 1, 0, 0, 0], NoCosts with { Sizing = SizingMode.WholeUnits, InitialCash = 50 });
        Assert.Empty(r.Trades);
        Assert.Equal(50, r.Metrics.FinalEquity);
    }

    [Fact]
    public void Run_FixedUnits_PnlInPriceUnits()
    {
        var r = Run([1, 1, 0, 0, 0], NoCosts with { Fill = FillMode.Close, Sizing = SizingMode.FixedUnits, Units = 2 });
        Assert.Equal(2, r.Trades[0].Units);
        Assert.Equal(2, r.Metrics.Pnl, 1e-9);
    }

    [Fact]
    public void Run_FractionTarget_SizesThatShareOfEquity()
    {
        var r = Run([0.5, 0.5, 0, 0, 0], NoCosts with { Fill = FillMode.Close });
        Assert.Equal(50, r.Trades[0].Units, 1e-12);
        Assert.Equal(10_050, r.Metrics.FinalEquity, 1e-9);
    }

    [Fact]
    public void Run_TargetChangeSameSide_ClosesAndReopensAtNewSize()
    {
        var r = Run([0.5, 1, 1, 0, 0], NoCosts with { Fill = FillMode.Close });
        Assert.Equal(2, r.Trades.Count);
        var equityAtClose1 = 10_000 + (50 * 3);
        Assert.Equal(equityAtClose1 / 103.0, r.Trades[1].Units, 1e-9);
        Assert.Equal(equityAtClose1 / 103.0 * 96, r.Metrics.FinalEquity, 1e-9);
    }
}
