using ResearchPlatform.Host.Commands.Backtest;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>How <c>rp backtest --funding</c> assigns funding rates to bars: a rate stamped in (open, close] of a bar.</summary>
public sealed class BacktestFundingTests
{
    private const long H = 3_600_000;

    [Fact]
    public void PerBar_RatesStampedInsideABarsOpenClose_AreSummedIntoThatBar()
    {
        // 4-hour bars opening at 0h, 4h, 8h and (after a gap) 16h
        long[] t = [0, 4 * H, 8 * H, 16 * H];
        var x = new double[] { 1, 1, 1, 1 };
        var bars = new BarSeries("X", BarInterval.Parse("4h"), t, x, x, x, x, x);
        (long, double)[] points = [(-H, 9), (0, 8), (H, 0.1), (4 * H, 0.2), (5 * H, 0.3), (8 * H, 0.4), (13 * H, 7), (17 * H, 0.5), (21 * H, 6)];
        var (rates, used) = BacktestFunding.PerBar(bars, points);

        // -1h and 0h are before bar 0's open; 13h falls in the gap; 21h is after the last close (20h)
        Assert.Equal([0.1 + 0.2, 0.3 + 0.4, 0, 0.5], rates);
        Assert.Equal(5, used);
    }
}
