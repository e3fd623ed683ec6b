using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Risk;

public sealed class RiskMetricsTests
{
    [Fact]
    public void Metrics_Portfolio_ExposureCountAndConcentration()
    {
        var h = new RiskHarness();
        var m = h.Bar(50_000, null, null, new PositionSnapshot("BTC", 0.2, 60_000), new PositionSnapshot("ETH", -4, 2_500)).Metrics;
        Assert.Equal((2, 0.44, 0.24), (m.PositionCount, Math.Round(m.TotalExposurePct, 12), Math.Round(m.ConcentrationPct, 12)));
    }

    [Fact]
    public void Metrics_IntradayMoves_DailyPnlAndDrawdownsFromHighs()
    {
        var h = new RiskHarness(new RiskGenome { DailyDrawdownLimitPct = 0.5, TotalDrawdownLimitPct = 0.5 });
        h.Bar(100_000);
        h.Time.Advance(TimeSpan.FromHours(1));
        h.Bar(104_000);
        h.Time.Advance(TimeSpan.FromHours(1));
        var m = h.Bar(101_920).Metrics;
        Assert.Equal(1_920, m.DailyPnl, 9);
        Assert.Equal(0.02, m.DailyDrawdownPct, 12);
        Assert.Equal(0.02, m.TotalDrawdownPct, 12);
    }

    [Fact]
    public void Metrics_FiveReturns_VolatilityAndSharpeAnnualised()
    {
        var h = new RiskHarness(options: new RiskManagerOptions(ReturnWindow: 5, MinCorrelationSamples: 5, PeriodsPerYear: 365));
        double[] equity = [100, 101, 100, 102, 101, 103];
        RiskMetrics m = null!;
        foreach (var e in equity)
        {
            m = h.Bar(e).Metrics;
        }

        var r = equity.Zip(equity.Skip(1), (a, b) => (b / a) - 1).ToArray();
        var mean = r.Average();
        var sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (r.Length - 1));
        Assert.Equal(sd * Math.Sqrt(365), m.PortfolioVolatilityPct, 12);
        Assert.Equal(mean / sd * Math.Sqrt(365), m.RecentSharpe, 12);
    }

    [Fact]
    public void Metrics_TooFewReturns_VolatilityIsNaN()
    {
        var h = new RiskHarness();
        h.Bar(100);
        Assert.True(double.IsNaN(h.Bar(101).Metrics.PortfolioVolatilityPct));
    }
}
