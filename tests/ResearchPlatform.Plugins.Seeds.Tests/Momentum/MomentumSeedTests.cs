using ResearchPlatform.Plugins.Seeds.Momentum;
using ResearchPlatform.Plugins.Seeds.Tests.TestSupport;
using ResearchPlatform.Sdk.Indicators;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Tests.Momentum;

public sealed class MomentumSeedTests
{
    private static readonly Sdk.Data.BarSeries Bars = TestBars.RandomWalk(1_500, 3, 500);
    private static readonly MomentumSeed Seed = new();

    [Fact]
    public void State_Sma_HoldsSignOfFastMinusSlow()
    {
        var fast = Sma.Compute(Bars.Close, 5);
        var slow = Sma.Compute(Bars.Close, 20);
        var targets = Signals.Targets(Seed, Bars, [1, 0, 5, 20]);
        for (var t = 0; t < Bars.Count; t++)
        {
            Assert.Equal(t < 19 ? 0 : Math.Sign(fast[t] - slow[t]), targets[t]);
        }
    }

    [Fact]
    public void Cross_Ema_ActsOnlyOnStrictCrossovers()
    {
        var fast = Ema.Compute(Bars.Close, 8);
        var slow = Ema.Compute(Bars.Close, 21);
        var targets = Signals.Targets(Seed, Bars, [0, 1, 8, 21]);
        var expected = 0.0;
        var events = 0;
        for (var t = 1; t < Bars.Count; t++)
        {
            if (fast[t - 1] < slow[t - 1] && fast[t] > slow[t])
            {
                expected = 1;
                events++;
            }
            else if (fast[t - 1] > slow[t - 1] && fast[t] < slow[t])
            {
                expected = -1;
                events++;
            }

            Assert.Equal(expected, targets[t]);
        }

        Assert.True(events > 10);
        Assert.Equal(0, targets[..21].Max());
    }

    [Fact]
    public void State_Roc_SignOfSmoothedCloseChange()
    {
        var sma = Sma.Compute(Bars.Close, 3);
        var targets = Signals.Targets(Seed, Bars, [1, 2, 3, 24]);
        for (var t = 26; t < Bars.Count; t++)
        {
            Assert.Equal(Math.Sign(sma[t] - sma[t - 24]), targets[t]);
        }

        Assert.Equal(0, targets[25]);
    }

    [Theory]
    [InlineData(0, 0, 10, 30)] // cross, sma
    [InlineData(1, 0, 7, 40)] // state, sma
    [InlineData(0, 1, 12, 26)] // cross, ema
    [InlineData(1, 1, 5, 50)] // state, ema
    [InlineData(0, 2, 4, 12)] // cross, roc
    [InlineData(1, 2, 1, 24)] // state, roc (fast = 1: plain close-to-close change)
    public void Targets_EveryModeAndAverage_MatchPlainReplay(int mode, int ma, int fastN, int slowN)
    {
        // the documented rule on the library's indicators: lines f, s; cross acts on strict crossovers only (flat before
        // the first), state holds sign(f - s); roc: f = SMA(fast)[t], s = SMA(fast)[t - slow]
        var fast = ma == 1 ? Ema.Compute(Bars.Close, fastN) : Sma.Compute(Bars.Close, fastN);
        var slow = ma switch
        {
            0 => Sma.Compute(Bars.Close, slowN),
            1 => Ema.Compute(Bars.Close, slowN),
            _ => fast.Select((_, t) => t >= slowN ? fast[t - slowN] : double.NaN).ToArray(),
        };
        var expected = new double[Bars.Count];
        double held = 0;
        for (var t = 0; t < Bars.Count; t++)
        {
            var d = fast[t] - slow[t];
            var before = t > 0 ? fast[t - 1] - slow[t - 1] : double.NaN;
            held = before < 0 && d > 0 ? 1 : before > 0 && d < 0 ? -1 : held;
            expected[t] = mode == 0 ? held : d > 0 ? 1 : d < 0 ? -1 : 0;
        }

        var actual = Signals.Targets(Seed, Bars, [mode, ma, fastN, slowN]);
        Assert.True(actual.Count(v => v > 0) > 100 && actual.Count(v => v < 0) > 100);
        Assert.Equal(expected, actual);
        Assert.Equal(expected, Signals.TargetsInBlocks(Seed, Bars, [mode, ma, fastN, slowN], 97));
    }

    [Fact]
    public void Backtest_ExplicitGenesOutsideTheSearchBounds_RunWithAWarning()
    {
        var outside = Engine.Backtesting.Backtest.Run(Bars, Seed, [1, 0, 1, 450], new Engine.Backtesting.BacktestOptions());
        Assert.Equal(2, outside.Warnings.Count);
        Assert.Contains(outside.Warnings, w => w.Contains("'fast' = 1 is outside the search bounds [2, 100]", StringComparison.Ordinal));
        Assert.Contains(outside.Warnings, w => w.Contains("'slow' = 450", StringComparison.Ordinal));
        Assert.True(outside.Metrics.Trades > 0);
        Assert.Empty(Engine.Backtesting.Backtest.Run(Bars, Seed, [1, 0, 5, 20], new Engine.Backtesting.BacktestOptions()).Warnings);
    }

    [Fact]
    public void Validate_FastNotBelowSlow_IsAnErrorButRocAllowsIt()
    {
        Assert.Contains(GeneValidation.Check(Seed, [0, 0, 30, 10]).Errors, e => e.Contains("'fast'", StringComparison.Ordinal));
        Assert.Empty(GeneValidation.Check(Seed, [0, 2, 30, 10]).Errors);
        Assert.Contains(GeneValidation.Check(Seed, [1, 0, 2, 3.5]).Errors, e => e.Contains("whole number", StringComparison.Ordinal));
        Assert.Contains(GeneValidation.Check(Seed, [2, 0, 2, 3]).Errors, e => e.Contains("not a valid choice", StringComparison.Ordinal));
        Assert.Contains(GeneValidation.Check(Seed, [1, 0, 2, 1000]).Warnings, w => w.Contains("outside the search bounds", StringComparison.Ordinal));
    }
}
