using ResearchPlatform.Plugins.Seeds.Breakout;
using ResearchPlatform.Plugins.Seeds.Tests.TestSupport;
using ResearchPlatform.Sdk.Indicators;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Tests.Breakout;

/// <summary>The documented rule replayed with Donchian channels (previous bar's) and Wilder ATR.</summary>
public sealed class BreakoutSeedTests
{
    private static readonly Sdk.Data.BarSeries Bars = TestBars.RandomWalk(3_000, 31, 2_000);
    private static readonly BreakoutSeed Seed = new();

    [Theory]
    [InlineData(20, 10, 14, 0.5)]
    [InlineData(55, 20, 20, 0.0)]
    public void Targets_MatchPlainReplayOfTheRule(int entry, int exit, int atrPeriod, double mult)
    {
        var expected = Replay(entry, exit, atrPeriod, mult);
        var actual = Signals.Targets(Seed, Bars, [entry, exit, atrPeriod, mult]);
        Assert.True(actual.Count(v => v != 0) > 100);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void BatchTargets_ManyAtrPeriods_MatchPlainReplayPerLane()
    {
        // 21 lanes with 21 distinct ATR periods: the shared ATR series are computed 8 periods per vector (3 chunks,
        // the last one partial); every lane must still match the replay with the library's scalar ATR
        var rng = new Random(5);
        var genes = new List<double>();
        for (var s = 0; s < 21; s++)
        {
            var entry = rng.Next(10, 120);
            genes.AddRange([entry, rng.Next(5, entry), 2 + (s * 2), Math.Round(rng.NextDouble() * 2, 2)]);
        }

        var generator = Seed.CreateGenerator(Bars, [.. genes], 21);
        var targets = new double[Bars.Count];
        for (var s = 0; s < 21; s++)
        {
            generator.Fill(0, Bars.Count, s, 1, targets);
            Assert.Equal(Replay((int)genes[4 * s], (int)genes[(4 * s) + 1], (int)genes[(4 * s) + 2], genes[(4 * s) + 3]), targets);
        }
    }

    private static double[] Replay(int entry, int exit, int atrPeriod, double mult)
    {
        var (eu, el) = Channel(entry);
        var (xu, xl) = Channel(exit);
        var atr = Atr.Compute(Bars.High, Bars.Low, Bars.Close, atrPeriod);
        var expected = new double[Bars.Count];
        double pos = 0;
        for (var t = entry; t < Bars.Count; t++)
        {
            var c = Bars.Close[t];
            if (double.IsNaN(atr[t]))
            {
                continue;
            }

            if (pos <= 0 && c > eu[t - 1] + (mult * atr[t]))
            {
                pos = 1;
            }
            else if (pos >= 0 && c < el[t - 1] - (mult * atr[t]))
            {
                pos = -1;
            }
            else if ((pos > 0 && c < xl[t - 1]) || (pos < 0 && c > xu[t - 1]))
            {
                pos = 0;
            }

            expected[t] = pos;
        }

        return expected;
    }

    [Fact]
    public void Validate_ExitChannelNotShorter_IsAnError() =>
        Assert.Contains(GeneValidation.Check(Seed, [20, 20, 14, 0.5]).Errors, e => e.Contains("'exit_period'", StringComparison.Ordinal));

    private static (double[] Upper, double[] Lower) Channel(int n)
    {
        var (u, m, l) = (new double[Bars.Count], new double[Bars.Count], new double[Bars.Count]);
        Donchian.Compute(Bars.High, Bars.Low, n, u, m, l);
        return (u, l);
    }
}
