using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Backtesting.RiskAware;

public sealed class RiskBacktestTests
{
    /// <summary>Limits no portfolio can reach: every breaker stays off and every order is approved as asked.</summary>
    private static readonly RiskGenome Inert = new()
    {
        MaxPositionSizePct = 1e9,
        MaxTotalExposurePct = 1e9,
        DailyDrawdownLimitPct = 10,
        TotalDrawdownLimitPct = 10,
        MaxTradesPerHour = 1e9,
        ConsecutiveLossLimit = 1e9,
        RapidLossThresholdPct = 1e9,
        ConcentrationLimitPct = 1e9,
        CorrelationSpikeThreshold = 2,
        HighVolatilityThreshold = 2,
    };

    /// <summary>The default preset with full-size positions (and concentration) allowed, so only the drawdown breakers act.</summary>
    private static readonly RiskGenome FullSize = new() { MaxPositionSizePct = 1, MaxTotalExposurePct = 1, ConcentrationLimitPct = 2 };

    public static TheoryData<FillMode, SizingMode, EndOfDataMode, TradeDirection> Conventions() => new()
    {
        { FillMode.NextOpen, SizingMode.Fraction, EndOfDataMode.LastClose, TradeDirection.LongShort },
        { FillMode.Close, SizingMode.Fraction, EndOfDataMode.LastClose, TradeDirection.LongShort },
        { FillMode.NextOpen, SizingMode.WholeUnits, EndOfDataMode.LastOpen, TradeDirection.LongOnly },
        { FillMode.Close, SizingMode.FixedUnits, EndOfDataMode.None, TradeDirection.ShortOnly },
        { FillMode.NextOpen, SizingMode.FixedUnits, EndOfDataMode.None, TradeDirection.LongShort },
        { FillMode.Close, SizingMode.WholeUnits, EndOfDataMode.LastOpen, TradeDirection.LongShort },
    };

    [Theory]
    [MemberData(nameof(Conventions))]
    public void Run_UnreachableLimits_EqualsKernelExactly(FillMode fill, SizingMode sizing, EndOfDataMode end, TradeDirection direction)
    {
        var bars = TestSeries.RandomWalk(1500, 7);
        var seed = new ScriptedSeed(TestSeries.RandomScripts(3, bars.Count, 11));
        var options = new BacktestOptions
        {
            Fill = fill, Sizing = sizing, ExitAtEnd = end, Direction = direction, Units = 3, SlippageBps = 2, SlippageRangeFraction = 0.05,
            FundingRates = Enumerable.Range(0, bars.Count).Select(i => i % 8 == 0 ? 0.0001 : 0).ToArray(),
        };
        for (var s = 0; s < 3; s++)
        {
            var kernel = Backtest.Run(bars, seed, [s], options, new BarRange(100, 1400));
            var risk = RiskBacktest.Run(bars, seed, [s], options, Inert, new BarRange(100, 1400));
            Assert.True(kernel.Metrics.Trades > 5, $"script {s} trades {kernel.Metrics.Trades}");
            Assert.Equal(kernel.Metrics, risk.Backtest.Metrics);
            Assert.Equal(kernel.Trades, risk.Backtest.Trades);
            Assert.Equal(kernel.Equity, risk.Backtest.Equity);
            Assert.Empty(risk.Events);
        }
    }

    [Fact]
    public void Run_CrashTripsTotalDrawdown_FlattensAndOpensNothingAfter()
    {
        var (bars, seed) = Crash();
        var options = KernelFixture.NoCosts;
        var r = RiskBacktest.Run(bars, seed, [0], options, FullSize);

        var trip = r.Events.First(e => e.Kind == RiskEventKind.LevelChange && e.To == RiskLevel.Emergency);
        Assert.Contains("total_drawdown tripped", trip.Breakers, StringComparison.Ordinal);
        Assert.Equal(11, trip.Bar); // close 78 after a 100 peak: 22 % >= 20 %
        var flatten = Assert.Single(r.Backtest.Trades, t => t.Reason == ExitReason.Risk);
        Assert.Equal((12, 78.0), (flatten.ExitBar, flatten.ExitPrice));
        Assert.DoesNotContain(r.Backtest.Trades, t => t.EntryBar > trip.Bar);
        Assert.True(r.RejectedOrders >= 3, $"rejected {r.RejectedOrders}");
        Assert.All(r.Events.Where(e => e.Kind == RiskEventKind.OrderRejected), e => Assert.Equal(RiskLevel.Emergency, e.To));

        // without risk the same strategy keeps trading after the crash
        var kernel = Backtest.Run(bars, seed, [0], options);
        Assert.Contains(kernel.Trades, t => t.EntryBar > trip.Bar);
    }

    [Fact]
    public void Run_CrashTripsDailyDrawdown_CriticalBeforeEmergency()
    {
        var (bars, seed) = Crash();
        var r = RiskBacktest.Run(bars, seed, [0], KernelFixture.NoCosts, FullSize);
        var changes = r.Events.Where(e => e.Kind == RiskEventKind.LevelChange).ToList();
        Assert.Equal((10, RiskLevel.Low, RiskLevel.Critical), (changes[0].Bar, changes[0].From, changes[0].To));
        Assert.Contains("daily_drawdown tripped at 0.1", changes[0].Breakers, StringComparison.Ordinal);
        Assert.Equal(bars.TimeAt(11), changes[0].Time);
    }

    [Fact]
    public void Run_DefaultPositionCap_ResizesEntriesToTenPercentOfEquity()
    {
        var bars = TestSeries.Five();
        var seed = new ScriptedSeed([1, 1, 1, 1, 1]);
        var r = RiskBacktest.Run(bars, seed, [0], KernelFixture.NoCosts, new RiskGenome());
        var trade = Assert.Single(r.Backtest.Trades);
        Assert.Equal(0.1 * 10_000 / 102, trade.Units, 1e-9);
        Assert.Equal(1, r.ResizedOrders);
        var e = Assert.Single(r.Events);
        Assert.Equal((RiskEventKind.OrderResized, 1), (e.Kind, e.Bar));
        Assert.Equal(10_000 + (trade.Units * (98 - 102)), r.Backtest.Metrics.FinalEquity, 1e-9);
    }

    [Fact]
    public void Run_StopOptions_AreBadInput()
    {
        var ex = Assert.Throws<BacktestInputException>(() =>
            RiskBacktest.Run(TestSeries.Five(), new ScriptedSeed([1, 1, 1, 1, 1]), [0], new BacktestOptions { StopLossPct = 2 }, new RiskGenome()));
        Assert.Contains("not supported", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// 40 daily bars: flat at 100, a crash to 78 at bars 10-11, then a drift around 75-80 (never back within 10 % of the
    /// peak, so the total breaker cannot reset). Long from bar 0 through the crash, then in and out every 2 bars.
    /// </summary>
    private static (BarSeries Bars, ScriptedSeed Seed) Crash()
    {
        var closes = new double[40];
        for (var i = 0; i < closes.Length; i++)
        {
            closes[i] = i < 10 ? 100 : i == 10 ? 90 : i == 11 ? 78 : 77 + (i % 3);
        }

        var ohlc = closes.Select((c, i) => (O: i == 0 ? c : closes[i - 1], H: Math.Max(c, i == 0 ? c : closes[i - 1]), L: Math.Min(c, i == 0 ? c : closes[i - 1]), C: c)).ToArray();
        var script = closes.Select((_, i) => i < 12 ? 1.0 : ((i / 2) % 2 == 0 ? 1.0 : 0.0)).ToArray();
        return (TestSeries.Of(ohlc), new ScriptedSeed(script));
    }
}
