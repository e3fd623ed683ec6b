using System.Globalization;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Events;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Risk.Events;

/// <summary>Risk events: alerts on trips and level changes, storage, regime configuration, market state in backtests.</summary>
public sealed class RiskEventsTests
{
    [Fact]
    public void OnBar_DailyDrawdownTrip_PublishesTripAndLevelChangeAlerts()
    {
        var alerts = new RecordingAlertPublisher();
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var risk = new RiskManager(new RiskGenome(), time) { Alerts = alerts, AlertScope = "BTC/USDT" };
        risk.OnBar(new PortfolioSnapshot(100_000, []), MarketState.Unknown);
        time.Now = time.Now.AddHours(1);
        risk.OnBar(new PortfolioSnapshot(94_000, []), MarketState.Unknown);

        var trip = Assert.Single(alerts.Alerts, a => a.Key == "breaker:daily_drawdown:BTC/USDT");
        Assert.Equal(0.06, double.Parse(trip.Context["value"], CultureInfo.InvariantCulture), 9);
        Assert.Equal(AlertCategory.Trading, trip.Category);
        var level = Assert.Single(alerts.Alerts, a => a.Key == "risk_level:BTC/USDT:CRITICAL");
        Assert.Equal(AlertLevel.Critical, level.Level);
        Assert.Equal("LOW", level.Context["from"]);
        Assert.Equal("CRITICAL", level.Context["to"]);
        Assert.Equal(time.Now, level.RaisedAt);
    }

    [Fact]
    public void Save_BacktestEvents_RoundTripInOrderAndRefuseSecondWrite()
    {
        using var dir = new TempDir();
        using var db = ResearchDatabase.Open(dir.File("r.duckdb"));
        var t0 = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        RiskBacktestEvent[] events =
        [
            new(3, t0, RiskEventKind.LevelChange, RiskLevel.Low, RiskLevel.Critical, "daily_drawdown tripped at 0.06 (threshold 0.05)", "daily_drawdown 0.06 (trigger 0.05)"),
            new(4, t0.AddDays(1), RiskEventKind.OrderRejected, RiskLevel.Critical, RiskLevel.Critical, "daily_drawdown 0.06 (trigger 0.05)", "reduce only"),
        ];
        var store = new RiskEventStore(db);

        Assert.Equal(2, store.Save(RiskEventStore.Backtest, "7", events));
        var back = store.List(RiskEventStore.Backtest, "7");
        Assert.Equal(["level_change", "order_rejected"], back.Select(e => e.Kind));
        Assert.Equal("CRITICAL", back[0].To);
        Assert.Equal(t0.AddDays(1), back[1].Time);
        Assert.Equal(4, back[1].Bar);
        Assert.Throws<InvalidOperationException>(() => store.Save(RiskEventStore.Backtest, "7", events));
        Assert.Equal(2, store.List(RiskEventStore.Backtest, "7").Count);
    }

    [Theory]
    [InlineData("{\"regime\": {\"classifier\": \"volatility\"}}", "volatility")]
    [InlineData("{\"regime.classifier\": \"FEAR_GREED\"}", "fear_greed")]
    [InlineData("{}", "composite")]
    public void Parse_ClassifierKey_NestedOrDotted(string json, string expected) =>
        Assert.Equal(expected, RiskConfig.Parse(json, "risk.json").RegimeClassifier);

    [Theory]
    [InlineData("{\"regime\": {\"classifier\": \"hmm\"}}", "risk.json: regime.classifier: unknown value 'hmm' (accepted: composite, volatility, fear_greed)")]
    [InlineData("{\"regime\": {\"clasifier\": \"volatility\"}}", "risk.json: unknown key 'regime.clasifier' (known: regime.classifier)")]
    public void Parse_BadKeyOrValue_ErrorNamesFileAndKey(string json, string message) =>
        Assert.Equal(message, Assert.Throws<RiskConfigurationException>(() => RiskConfig.Parse(json, "risk.json")).Message);

    [Fact]
    public void Create_Classifiers_DifferOnlyWhereTheirInputsDiffer()
    {
        // trendless market, extreme greed, low volatility: composite and fear_greed say bull, volatility ignores sentiment
        Assert.Equal(MarketRegime.BullStable, RegimeClassifiers.Create("composite").Classify(0.0, 0.1, 90));
        Assert.Equal(MarketRegime.Sideways, RegimeClassifiers.Create("volatility").Classify(0.0, 0.1, 90));
        // strong uptrend with extreme fear: sentiment first says bear
        Assert.Equal(MarketRegime.BullStable, RegimeClassifiers.Create("composite").Classify(0.10, 0.1, 10));
        Assert.Equal(MarketRegime.BearStable, RegimeClassifiers.Create("fear_greed").Classify(0.10, 0.1, 10));
    }

    [Fact]
    public void Compute_HourlyBars_RegimeUpdatesOnDailyClosesAndFearGreedIsLagged()
    {
        var bars = TestSeries.RandomWalk(24 * 120, 9); // 1,600,000,000,000 ms = 2020-09-13T12:26:40Z, hourly
        var day0 = DateOnly.FromDateTime(bars.TimeAt(0).UtcDateTime);
        var fg = new FearGreedHistory(Enumerable.Range(0, 130).Select(i => new FearGreedPoint(day0.AddDays(i), i % 100)));
        var states = BacktestMarketStates.Compute(bars, fg);

        for (var t = 0; t < bars.Count; t++)
        {
            var close = bars.TimeAt(t) + bars.Interval.Duration;
            var usableDay = DateOnly.FromDateTime(close.UtcDateTime).AddDays(-1);
            var index = usableDay.DayNumber - day0.DayNumber;
            Assert.Equal(index < 0 ? null : (double?)(index % 100), states[t].FearGreed);
        }

        // volatility needs 20 daily returns then 30 volatility values: unknown before ~50 daily closes, known after
        Assert.True(double.IsNaN(states[24 * 40].VolatilityPercentile));
        Assert.InRange(states[^1].VolatilityPercentile, 0, 1);
        var changes = Enumerable.Range(1, bars.Count - 1).Count(t => states[t].VolatilityPercentile.CompareTo(states[t - 1].VolatilityPercentile) != 0);
        Assert.InRange(changes, 1, 120); // at most once per day
    }

    [Fact]
    public void Run_WithMarketStates_VolatilityBreakerTripsInBacktest()
    {
        // calm 400 days, then 60 wild days: the volatility percentile reaches 1 and the breaker trips
        var rng = new Random(4);
        var n = 460;
        var prices = new double[n];
        var p = 100.0;
        for (var i = 0; i < n; i++)
        {
            p *= Math.Exp((rng.NextDouble() - 0.5) * (i < 400 ? 0.01 : 0.2));
            prices[i] = p;
        }

        var bars = TestSeries.Of(prices.Select(c => (c, c * 1.01, c * 0.99, c)).ToArray());
        var states = BacktestMarketStates.Compute(bars, null);
        var alerts = new RecordingAlertPublisher();
        var genome = new RiskGenome { MaxPositionSizePct = 1, ConcentrationLimitPct = 2, DailyDrawdownLimitPct = 0.2, TotalDrawdownLimitPct = 0.5 };
        var withMarket = RiskBacktest.Run(bars, new MomentumTestSeed(), [5], new BacktestOptions(), genome, null, states, alerts, CancellationToken.None);
        var without = RiskBacktest.Run(bars, new MomentumTestSeed(), [5], new BacktestOptions(), genome);

        Assert.Contains(withMarket.Events, e => e.Kind == RiskEventKind.LevelChange && e.Breakers.Contains("volatility_spike tripped", StringComparison.Ordinal));
        Assert.DoesNotContain(without.Events, e => e.Breakers.Contains("volatility_spike", StringComparison.Ordinal));
        Assert.Contains(alerts.Alerts, a => a.Key == "breaker:volatility_spike:TEST/USD");
    }
}
