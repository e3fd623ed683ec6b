using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// Paper and kernel options that agree trade for trade with venue stops: 2 fixed units, zero slippage and impact, maker
/// fee = taker fee, and a risk genome whose breakers and size limits never bind, so only the stop levels act.
/// </summary>
internal static class StopsOnlyPaper
{
    public static PaperOptions Options(double stopLoss, double takeProfit, double trail = 0, bool venueStops = true) => new()
    {
        Sizing = PaperSizing.FixedUnits,
        Units = 2m,
        TakerFeeRate = 0.00045m,
        MakerFeeRate = 0.00045m,
        SlippageBps = 0,
        ImpactBps = 0,
        ParticipationCap = 1m,
        TickSize = 0.00000001m,
        Risk = new RiskGenome
        {
            StopLossPct = stopLoss, TakeProfitPct = takeProfit, TrailingStopPct = trail, ConsecutiveLossLimit = 1e6, RapidLossThresholdPct = 1, DailyDrawdownLimitPct = 1,
            TotalDrawdownLimitPct = 1, MaxTradesPerHour = 1e6, MaxPositionSizePct = 100, ConcentrationLimitPct = 100, MaxTotalExposurePct = 100,
        },
        VenueStops = venueStops,
        TrailingStops = trail > 0,
    };

    public static BacktestOptions Kernel(double stopLoss, double takeProfit, double trail = 0) => new()
    {
        Sizing = SizingMode.FixedUnits, Units = 2, FeeBps = 4.5, MakerFeeBps = 4.5, SlippageBps = 0,
        StopLossPct = stopLoss * 100, TakeProfitPct = takeProfit * 100, TrailingStopPct = trail * 100,
    };

    /// <summary>The replay's trades equal the kernel's one for one: bars, prices, units and PnL (within float noise).</summary>
    public static void AssertSameTrades(IReadOnlyList<Trade> kernel, IReadOnlyList<PaperTrade> replay)
    {
        Assert.Equal(kernel.Count, replay.Count);
        for (var i = 0; i < kernel.Count; i++)
        {
            var k = kernel[i];
            var p = replay[i];
            Assert.Equal((i, k.EntryBar, k.ExitBar), (i, p.EntryBar, p.ExitBar));
            Assert.Equal(k.EntryPrice, (double)p.EntryPrice, 1e-9);
            Assert.Equal(k.ExitPrice, (double)p.ExitPrice, 1e-6);
            Assert.Equal(k.Units, (double)p.Quantity, 1e-12);
            Assert.Equal(k.Pnl, (double)p.Pnl, 1e-5);
        }
    }
}
