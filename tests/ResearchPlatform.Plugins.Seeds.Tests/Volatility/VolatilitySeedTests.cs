using ResearchPlatform.Plugins.Seeds.Tests.TestSupport;
using ResearchPlatform.Plugins.Seeds.Volatility;
using ResearchPlatform.Sdk.Indicators;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Tests.Volatility;

/// <summary>The documented rule replayed with realized volatility, ATR and SMA from the indicator library.</summary>
public sealed class VolatilitySeedTests
{
    private static readonly Sdk.Data.BarSeries Bars = TestBars.RandomWalk(4_000, 41, 30_000);
    private static readonly VolatilitySeed Seed = new();

    [Theory]
    [InlineData(0, 24, 168, 1.0, 50, 40.0)]
    [InlineData(1, 14, 100, 0.9, 30, 80.0)]
    public void Targets_MatchPlainReplayOfTheRule(int measure, int shortP, int longP, double ratio, int trend, double targetVol)
    {
        var rvS = RealizedVolatility.Compute(Bars.Close, shortP, 1);
        var rvL = RealizedVolatility.Compute(Bars.Close, longP, 1);
        var atrS = Atr.Compute(Bars.High, Bars.Low, Bars.Close, shortP);
        var atrL = Atr.Compute(Bars.High, Bars.Low, Bars.Close, longP);
        var sma = Sma.Compute(Bars.Close, trend);
        var expected = new double[Bars.Count];
        double pos = 0;
        for (var t = 0; t < Bars.Count; t++)
        {
            var calm = measure == 1 ? atrS[t] < ratio * atrL[t] : rvS[t] < ratio * rvL[t];
            if (t < longP || double.IsNaN(sma[t]) || !calm)
            {
                pos = 0;
                continue;
            }

            var dir = Math.Sign(Bars.Close[t] - sma[t]);
            if (dir == 0)
            {
                pos = 0;
            }
            else if (Math.Sign(pos) != dir)
            {
                var vol = rvL[t] * Math.Sqrt(365 * 24);
                pos = dir * Math.Max(0.01, Math.Round(Math.Min(1, targetVol / 100 / vol), 2));
            }

            expected[t] = pos;
        }

        var actual = Signals.Targets(Seed, Bars, [measure, shortP, longP, ratio, trend, targetVol]);
        Assert.True(actual.Count(v => v != 0) > 200);
        Assert.Contains(actual, v => Math.Abs(v) is > 0 and < 1);

        // the seed compares window sums of squared returns from plain prefix sums; allow a rare tie to fall the other way
        var agree = expected.Zip(actual).Count(p => Math.Abs(p.First - p.Second) < 0.011);
        Assert.True(agree >= Bars.Count - 5, $"{Bars.Count - agree} bars differ");
    }

    [Fact]
    public void Validate_ShortNotBelowLong_IsAnError() =>
        Assert.Contains(GeneValidation.Check(Seed, [0, 50, 50, 1, 50, 50]).Errors, e => e.Contains("'short_period'", StringComparison.Ordinal));
}
