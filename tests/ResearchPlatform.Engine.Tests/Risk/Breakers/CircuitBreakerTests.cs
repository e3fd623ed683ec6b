using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Breakers;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Risk.Breakers;

public sealed class CircuitBreakerTests
{
    private static readonly PositionSnapshot Btc = new("BTC", 1, 100);

    [Fact]
    public void DailyDrawdown_SixPercentDrop_TripsCriticalAndResetsAtHalfLimit()
    {
        var h = new RiskHarness();
        h.Bar(100_000);
        h.Time.Advance(TimeSpan.FromHours(1));
        var trip = h.Bar(94_000);
        var e = Assert.Single(trip.BreakerEvents);
        Assert.Equal((CircuitBreakerRules.DailyDrawdown, true, 0.06, 0.05), (e.Name, e.Tripped, Math.Round(e.Value, 10), e.Threshold));
        Assert.Equal(RiskLevel.Critical, trip.Level);

        h.Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(h.Bar(97_400).BreakerEvents); // 2.6% from the day high: above the 2.5% reset
        h.Time.Advance(TimeSpan.FromHours(1));
        var reset = h.Bar(97_500);
        Assert.False(Assert.Single(reset.BreakerEvents).Tripped);
        Assert.Equal(RiskLevel.Low, reset.Level);
    }

    [Fact]
    public void DailyDrawdown_NextUtcDay_ResetsBecauseTheDayStartsAtYesterdaysClose()
    {
        var h = new RiskHarness();
        h.Bar(100_000);
        h.Time.Advance(TimeSpan.FromHours(20));
        h.Bar(94_000);
        h.Time.Advance(TimeSpan.FromHours(5)); // next UTC day
        var update = h.Bar(94_000);
        Assert.Equal(0, update.Metrics.DailyDrawdownPct);
        Assert.Equal(0, update.Metrics.DailyPnl);
        Assert.False(Assert.Single(update.BreakerEvents).Tripped);
    }

    [Fact]
    public void TotalDrawdown_ThreePercentADay_TripsEmergencyOnTheEighthDay()
    {
        var h = new RiskHarness();
        var equity = 100_000.0;
        h.Bar(equity);
        for (var day = 1; day <= 7; day++)
        {
            h.Time.Advance(TimeSpan.FromDays(1));
            equity *= 0.97;
            Assert.Empty(h.Bar(equity).BreakerEvents); // 0.97^7 = 19.2% below the high
        }

        h.Time.Advance(TimeSpan.FromDays(1));
        var trip = h.Bar(equity * 0.97);
        Assert.Equal(1 - Math.Pow(0.97, 8), trip.Metrics.TotalDrawdownPct, 12);
        Assert.Equal(CircuitBreakerRules.TotalDrawdown, Assert.Single(trip.BreakerEvents).Name);
        Assert.Equal(RiskLevel.Emergency, trip.Level);

        h.Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(h.Bar(89_000).BreakerEvents); // 11% > 10% reset
        h.Time.Advance(TimeSpan.FromDays(1));
        Assert.False(Assert.Single(h.Bar(90_000).BreakerEvents).Tripped);
    }

    [Fact]
    public void ResetBreaker_ActiveTotalDrawdown_ClearsItAndRecordsTheLevelChange()
    {
        var h = new RiskHarness(new RiskGenome { DailyDrawdownLimitPct = 0.5, TotalDrawdownLimitPct = 0.2 });
        h.Bar(100_000);
        h.Time.Advance(TimeSpan.FromHours(1));
        h.Bar(75_000);
        Assert.Equal(RiskLevel.Emergency, h.Manager.Level);

        var change = h.Manager.ResetBreaker(CircuitBreakerRules.TotalDrawdown);

        Assert.NotNull(change);
        Assert.Equal((RiskLevel.Emergency, RiskLevel.Low), (change.From, change.To));
        Assert.Empty(h.Manager.ActiveBreakers());
        Assert.Equal(2, h.Manager.LevelChanges.Count);
    }

    [Fact]
    public void CorrelationSpike_AssetsMoveWithPortfolio_TripsModerateAndResetsWhenTheyDecouple()
    {
        var h = new RiskHarness(options: new RiskManagerOptions(ReturnWindow: 5, MinCorrelationSamples: 5));
        var eth = new PositionSnapshot("ETH", 1, 100);
        double[] equities = [100_000, 101_000, 100_500, 102_000, 101_000, 103_000];
        h.Bar(equities[0], null, null, Btc, eth);
        RiskUpdate last = null!;
        for (var i = 1; i < equities.Length; i++)
        {
            var r = (equities[i] / equities[i - 1]) - 1;
            last = h.Bar(equities[i], null, new Dictionary<string, double> { ["BTC"] = 2 * r, ["ETH"] = r }, Btc, eth);
        }

        Assert.Equal(1.0, last.Metrics.AverageCorrelation, 12);
        Assert.Equal(CircuitBreakerRules.CorrelationSpike, Assert.Single(last.BreakerEvents).Name);
        Assert.Equal(RiskLevel.Moderate, last.Level);

        double[] next = [102_000, 104_000, 103_000, 101_000, 102_500];
        var prev = equities[^1];
        foreach (var eq in next)
        {
            var r = (eq / prev) - 1;
            prev = eq;
            last = h.Bar(eq, null, new Dictionary<string, double> { ["BTC"] = -r, ["ETH"] = -3 * r }, Btc, eth);
        }

        Assert.Equal(-1.0, last.Metrics.AverageCorrelation, 12);
        Assert.False(h.Manager.IsActive(CircuitBreakerRules.CorrelationSpike));
    }

    [Fact]
    public void CorrelationSpike_SingleHolding_AverageCorrelationIsZero()
    {
        var h = new RiskHarness(options: new RiskManagerOptions(ReturnWindow: 5, MinCorrelationSamples: 5));
        double[] equities = [100_000, 101_000, 100_500, 102_000, 101_000, 103_000];
        h.Bar(equities[0], null, null, Btc);
        RiskUpdate last = null!;
        for (var i = 1; i < equities.Length; i++)
        {
            last = h.Bar(equities[i], null, new Dictionary<string, double> { ["BTC"] = (equities[i] / equities[i - 1]) - 1 }, Btc);
        }

        Assert.Equal(0, last.Metrics.AverageCorrelation);
        Assert.Empty(last.BreakerEvents);
    }

    [Fact]
    public void VolatilitySpike_PercentileAboveThreshold_TripsAndResetsOnlyBelowHysteresis()
    {
        var h = new RiskHarness();
        Assert.Empty(h.Bar(100_000, RiskHarness.Market(0.89)).BreakerEvents);
        Assert.True(Assert.Single(h.Bar(100_000, RiskHarness.Market(0.90)).BreakerEvents).Tripped);
        Assert.Equal(RiskLevel.Moderate, h.Manager.Level);
        Assert.Empty(h.Bar(100_000, RiskHarness.Market(0.81)).BreakerEvents);
        Assert.Empty(h.Bar(100_000, RiskHarness.Market(double.NaN)).BreakerEvents); // unknown holds the state
        Assert.True(h.Manager.IsActive(CircuitBreakerRules.VolatilitySpike));
        Assert.False(Assert.Single(h.Bar(100_000, RiskHarness.Market(0.80)).BreakerEvents).Tripped);
    }

    [Theory]
    [InlineData(10, 12, 15)]
    [InlineData(90, 88, 85)]
    public void FearGreedExtreme_BeyondBound_TripsAndResetsFivePointsInside(double trip, double hold, double reset)
    {
        var h = new RiskHarness();
        Assert.Empty(h.Bar(100_000, RiskHarness.Market(fearGreed: 50)).BreakerEvents);
        Assert.True(Assert.Single(h.Bar(100_000, RiskHarness.Market(fearGreed: trip)).BreakerEvents).Tripped);
        Assert.Empty(h.Bar(100_000, RiskHarness.Market(fearGreed: hold)).BreakerEvents);
        Assert.Empty(h.Bar(100_000, RiskHarness.Market(fearGreed: null)).BreakerEvents);
        var e = Assert.Single(h.Bar(100_000, RiskHarness.Market(fearGreed: reset)).BreakerEvents);
        Assert.Equal((false, -5.0), (e.Tripped, e.Value));
    }

    [Fact]
    public void Concentration_PositionAboveLimit_TripsHighAndResetsAtEightyPercent()
    {
        var h = new RiskHarness();
        var trip = h.Bar(100_000, null, null, new PositionSnapshot("ETH", -10, 3_000));
        Assert.Equal(0.30, trip.Metrics.ConcentrationPct, 12);
        Assert.Equal(RiskLevel.High, trip.Level);
        Assert.Empty(h.Bar(100_000, null, null, new PositionSnapshot("ETH", -10, 2_100)).BreakerEvents);
        var reset = h.Bar(100_000, null, null, new PositionSnapshot("ETH", -10, 2_000));
        Assert.False(Assert.Single(reset.BreakerEvents).Tripped);
    }

    [Fact]
    public void ConsecutiveLosses_FifthLoss_TripsHighUntilCooldownThenClearsStreak()
    {
        var h = new RiskHarness();
        for (var i = 0; i < 4; i++)
        {
            h.Manager.OnTradeClosed(-10, 100_000);
        }

        Assert.Empty(h.Bar(100_000).BreakerEvents);
        h.Manager.OnTradeClosed(-10, 100_000);
        var trip = h.Bar(100_000);
        Assert.Equal(5, trip.Metrics.ConsecutiveLosses);
        Assert.Equal(RiskLevel.High, trip.Level);

        h.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(h.Bar(100_000).BreakerEvents);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(Assert.Single(h.Bar(100_000).BreakerEvents).Tripped);
        Assert.Equal(0, h.Manager.Metrics(RiskHarness.Portfolio(100_000)).ConsecutiveLosses);
    }

    [Fact]
    public void ConsecutiveLosses_WinInBetween_EndsTheStreak()
    {
        var h = new RiskHarness();
        for (var i = 0; i < 4; i++)
        {
            h.Manager.OnTradeClosed(-10, 100_000);
        }

        h.Manager.OnTradeClosed(5, 100_000);
        h.Manager.OnTradeClosed(-10, 100_000);
        var update = h.Bar(100_000);
        Assert.Equal(1, update.Metrics.ConsecutiveLosses);
        Assert.Empty(update.BreakerEvents);
    }

    [Fact]
    public void RapidLoss_StreakLosesThreePercent_TripsCriticalAndResetsAfterCooldown()
    {
        var h = new RiskHarness();
        h.Manager.OnTradeClosed(-1_500, 100_000);
        Assert.Empty(h.Bar(100_000).BreakerEvents);
        h.Manager.OnTradeClosed(-1_600, 100_000);
        var trip = h.Bar(100_000);
        Assert.Equal(0.031, trip.Metrics.LossStreakPct, 12);
        Assert.Equal((CircuitBreakerRules.RapidLoss, RiskLevel.Critical), (Assert.Single(trip.BreakerEvents).Name, trip.Level));
        h.Time.Advance(TimeSpan.FromMinutes(60));
        var reset = h.Bar(100_000);
        Assert.False(Assert.Single(reset.BreakerEvents).Tripped);
        Assert.Equal(0, h.Manager.Metrics(RiskHarness.Portfolio(100_000)).LossStreakPct);
    }

    [Fact]
    public void TradeRate_TwentyFillsInAnHour_TripsAndResetsAfterCooldownOnceFillsAgeOut()
    {
        var h = new RiskHarness();
        for (var i = 0; i < 20; i++)
        {
            h.Manager.OnFill();
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var trip = h.Bar(100_000);
        Assert.Equal(20, trip.Metrics.TradesLastHour);
        Assert.Equal((CircuitBreakerRules.TradeRate, RiskLevel.High), (Assert.Single(trip.BreakerEvents).Name, trip.Level));

        h.Time.Advance(TimeSpan.FromMinutes(45)); // fills at minutes 0..5 aged out; the 60-minute cooldown still runs
        var during = h.Bar(100_000);
        Assert.Equal(14, during.Metrics.TradesLastHour);
        Assert.Empty(during.BreakerEvents);

        h.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.False(Assert.Single(h.Bar(100_000).BreakerEvents).Tripped);
    }
}
