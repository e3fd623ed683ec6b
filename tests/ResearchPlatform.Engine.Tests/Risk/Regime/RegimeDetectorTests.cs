using ResearchPlatform.Engine.Risk.Regime;

namespace ResearchPlatform.Engine.Tests.Risk.Regime;

public sealed class RegimeDetectorTests
{
    private static readonly RegimeOptions Small = new(VolatilityWindow: 4, PercentileWindow: 10, TrendWindow: 5, TrendBand: 0.02, VolatilePercentile: 0.7, MinPercentileSamples: 1);

    private static RegimeSnapshot Feed(RegimeDetector d, IEnumerable<double> closes, double? fg = null)
    {
        RegimeSnapshot s = d.Current;
        foreach (var c in closes)
        {
            s = d.Update(c, fg);
        }

        return s;
    }

    [Fact]
    public void Update_AlternatingReturns_VolatilityIsAnnualisedSampleStdDev()
    {
        var d = new RegimeDetector(Small);
        var a = 0.01;
        var s = Feed(d, [100, 100 * Math.Exp(a), 100, 100 * Math.Exp(a), 100]); // returns +a -a +a -a
        var sd = Math.Sqrt(4 * a * a / 3); // mean 0, sample variance 4a^2/3
        Assert.Equal(sd * Math.Sqrt(365), s.Volatility, 12);
        Assert.Equal(1.0, s.VolatilityPercentile); // only value so far
    }

    [Fact]
    public void Update_FewVolatilityValues_PercentileUnknownUntilMinimum()
    {
        var d = new RegimeDetector(Small with { MinPercentileSamples = 3 });
        var s = Feed(d, [100, 101, 100, 102, 100, 103]); // 5 returns: 2 volatility values
        Assert.False(double.IsNaN(s.Volatility));
        Assert.True(double.IsNaN(s.VolatilityPercentile));
        Assert.False(double.IsNaN(d.Update(101, null).VolatilityPercentile));
    }

    [Fact]
    public void Update_BeforeTrendWindow_IsSideways()
    {
        var s = Feed(new RegimeDetector(Small), [100, 110, 120, 130]);
        Assert.Equal(MarketRegime.Sideways, s.Regime);
        Assert.True(double.IsNaN(s.Trend));
    }

    [Fact]
    public void Update_RisingCalmMarket_IsBullStable()
    {
        var d = new RegimeDetector(Small);
        // Volatility first high then calm, so the current volatility sits low in its history.
        var s = Feed(d, [100, 90, 100, 90, 100, 102, 104, 106, 108, 110, 112, 114, 116]);
        Assert.True(s.Trend > 0.02);
        Assert.True(s.VolatilityPercentile < 0.7);
        Assert.Equal(MarketRegime.BullStable, s.Regime);
    }

    [Fact]
    public void Update_FallingAfterCalm_IsBearVolatile()
    {
        var d = new RegimeDetector(Small);
        var s = Feed(d, [100, 100.1, 100, 100.1, 100, 100.1, 100, 95, 88, 80, 70]);
        Assert.True(s.Trend < -0.02);
        Assert.InRange(s.VolatilityPercentile, 0.7, 1.0);
        Assert.Equal(MarketRegime.BearVolatile, s.Regime);
        Assert.True(s.IsBear);
    }

    [Theory]
    [InlineData(80, nameof(MarketRegime.BullStable))]
    [InlineData(20, nameof(MarketRegime.BearStable))]
    [InlineData(50, nameof(MarketRegime.Sideways))]
    public void Update_FlatTrend_SentimentBreaksTheTie(double fearGreed, string expected)
    {
        var d = new RegimeDetector(Small);
        Feed(d, [100, 80, 100, 80, 100, 80, 100, 100.2, 100, 100.2]);
        var s = d.Update(100, fearGreed);
        Assert.InRange(s.Trend, -0.02, 0.02);
        Assert.Equal(Enum.Parse<MarketRegime>(expected), s.Regime);
    }

    [Fact]
    public void Update_NonPositiveClose_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegimeDetector(Small).Update(0, null));
}
