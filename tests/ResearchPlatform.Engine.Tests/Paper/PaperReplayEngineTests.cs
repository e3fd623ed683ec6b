using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Paper;

public sealed class PaperReplayEngineTests
{
    private static readonly PaperOptions NoCosts = new()
    {
        Sizing = PaperSizing.FixedUnits,
        Units = 1m,
        TakerFeeRate = 0,
        MakerFeeRate = 0,
        SlippageBps = 0,
        ImpactBps = 0,
        ParticipationCap = 1m,
    };

    // close:            100  102  104  101   99   99   98   98
    // momentum(1):        0   +1   +1   -1   -1    0   -1    0   (decided at the close, filled at the next open)
    private static readonly (double O, double C)[] Bars =
        [(100, 100), (100, 102), (103, 104), (104, 101), (100, 99), (99, 99), (98, 98), (97, 98)];

    [Fact]
    public async Task RunAsync_MomentumOnSmallSeries_GivesHandCheckedTrades()
    {
        var r = await Run(NoCosts);

        var trades = r.Trades;
        Assert.Equal(3, trades.Count);
        AssertTrade(trades[0], entryBar: 2, entry: 103m, exitBar: 4, exit: 100m, qty: 1m, pnl: -3m);
        AssertTrade(trades[1], entryBar: 4, entry: 100m, exitBar: 6, exit: 98m, qty: -1m, pnl: 2m);
        AssertTrade(trades[2], entryBar: 7, entry: 97m, exitBar: 7, exit: 98m, qty: -1m, pnl: -1m);
        Assert.Equal(-2m, r.Performance.TotalPnl);
        Assert.Equal(10_000m - 2m, r.FinalEquity);
        Assert.Equal(1.0 / 3, r.Performance.WinRate, 12);
        Assert.Equal(1, r.Performance.MaxConsecutiveLosses);
        Assert.Equal(1.0, r.Performance.FillSuccessRate);
        Assert.Equal(6, r.Performance.OrdersSent);
    }

    [Fact]
    public async Task RunAsync_TakerFees_ChargedOnEveryFillAndInTradePnl()
    {
        var r = await Run(NoCosts with { TakerFeeRate = 0.001m });

        // first trade: buy 1 @ 103 (fee 0.103), sell 1 @ 100 (fee 0.1)
        Assert.Equal(-3m - 0.203m, r.Trades[0].Pnl);
        Assert.Equal(0.203m, r.Trades[0].Fees);
        var allFees = (103m + 100m + 100m + 98m + 97m + 98m) * 0.001m;
        Assert.Equal(allFees, r.Performance.Fees);
        Assert.Equal(10_000m - 2m - allFees, r.FinalEquity);
    }

    [Fact]
    public async Task RunAsync_OrdersCarryDecisionAtCloseAndFillAtNextOpen()
    {
        var r = await Run(NoCosts);

        var first = r.Orders[0];
        Assert.Equal(Sdk.Execution.OrderSide.Buy, first.Order.Side);
        Assert.Equal(102m, first.DecisionPrice);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 2, 0, 0, TimeSpan.Zero), first.DecisionTime);
        Assert.Equal(103m, first.AverageFillPrice);
        Assert.Equal(OrderState.Filled, first.State);
        Assert.True(first.FirstFillAt > first.DecisionTime, "the fill comes after the decision on the simulated clock");
    }

    [Fact]
    public async Task RunAsync_FractionSizing_SpendsEquityAtTheDecisionClose()
    {
        var r = await Run(NoCosts with { Sizing = PaperSizing.Fraction, LotSize = 0.0001m });

        // equity 10,000 at bar 1's close 102 -> floor(10,000 / 102, 0.0001) = 98.0392
        Assert.Equal(98.0392m, r.Trades[0].Quantity);
        Assert.Equal(98.0392m * (100m - 103m), r.Trades[0].Pnl);
    }

    [Fact]
    public async Task RunAsync_RiskGenome_ResizesToThePositionCap()
    {
        var genome = new RiskGenome { MaxPositionSizePct = 0.1 };
        var r = await Run(NoCosts with { Sizing = PaperSizing.Fraction, Risk = genome, LotSize = 0.0001m });

        // 10 % of 10,000 at 102 = 9.8039 units at most
        var q = Math.Abs(r.Trades[0].Quantity);
        Assert.InRange(q, 9.8m, 9.8039m);
    }

    [Fact]
    public async Task RunAsync_RiskGenomeWithAlerts_RecordsBreakerLevelChangeAndPublishesScopedAlerts()
    {
        // the first trade buys ~98 units at 103 and closes at 100: a loss of ~3 % of equity, above the 0.5 % rapid-loss trigger
        var genome = new RiskGenome { MaxPositionSizePct = 1.0, RapidLossThresholdPct = 0.005 };
        var alerts = new CapturingPublisher();
        var r = await Run(NoCosts with { Sizing = PaperSizing.Fraction, Risk = genome, LotSize = 0.0001m, Alerts = alerts });

        var change = r.RiskEvents.FirstOrDefault(e => e.Kind == Engine.Backtesting.RiskAware.RiskEventKind.LevelChange && e.Breakers.Contains("rapid_loss tripped", StringComparison.Ordinal));
        Assert.True(change is not null, "events: " + string.Join(" | ", r.RiskEvents));
        Assert.True(change.To > change.From, $"{change.From} -> {change.To}");
        Assert.InRange(change.Bar, 4, Bars.Length - 1);
        Assert.Contains(alerts.Alerts, a => a.Key == "breaker:rapid_loss:m1");
        Assert.Contains(alerts.Alerts, a => a.Key.StartsWith("risk_level:m1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoRiskManager_RecordsNoRiskEvents()
    {
        var r = await Run(NoCosts);

        Assert.Empty(r.RiskEvents);
    }

    [Fact]
    public async Task RunAsync_BadGenes_ThrowsListingTheStrategy()
    {
        var bars = PaperSeries.Of(Bars);
        var ex = await Assert.ThrowsAsync<PaperInputException>(() => PaperReplayEngine.RunAsync(
            "s", bars, [new PaperStrategy("bad", new MomentumTestSeed(), [0.5])], NoCosts, null, null, null, CancellationToken.None));
        Assert.Contains("strategy bad", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<PaperStrategyResult> Run(PaperOptions options)
    {
        var bars = PaperSeries.Of(Bars);
        var session = await PaperReplayEngine.RunAsync("s", bars, [new PaperStrategy("m1", new MomentumTestSeed(), [1])], options, null, null, null, CancellationToken.None);
        Assert.Equal(bars.Count, session.Bars);
        return Assert.Single(session.Strategies);
    }

    private static void AssertTrade(PaperTrade t, int entryBar, decimal entry, int exitBar, decimal exit, decimal qty, decimal pnl)
    {
        Assert.Equal(entryBar, t.EntryBar);
        Assert.Equal(entry, t.EntryPrice);
        Assert.Equal(exitBar, t.ExitBar);
        Assert.Equal(exit, t.ExitPrice);
        Assert.Equal(qty, t.Quantity);
        Assert.Equal(pnl, t.Pnl);
    }
}
