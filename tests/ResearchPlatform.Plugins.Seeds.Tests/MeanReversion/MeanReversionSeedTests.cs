using ResearchPlatform.Plugins.Seeds.MeanReversion;
using ResearchPlatform.Plugins.Seeds.Tests.TestSupport;
using ResearchPlatform.Sdk.Indicators;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Tests.MeanReversion;

/// <summary>The documented rule replayed with the library's indicators (Bollinger, z-score, RSI) in a plain loop.</summary>
public sealed class MeanReversionSeedTests
{
    private static readonly Sdk.Data.BarSeries Bars = TestBars.RandomWalk(3_000, 21, 900);
    private static readonly MeanReversionSeed Seed = new();

    [Theory]
    [InlineData(0, 20, 2.0, 0.0, 0.0)]
    [InlineData(2, 30, 1.5, 0.3, 3.0)]
    [InlineData(1, 14, 2.0, 0.5, 2.0)]
    public void Targets_MatchPlainReplayOfTheRule(int signal, int period, double entry, double exit, double stopPct)
    {
        var dev = Deviation(signal, period);
        var rsi = signal == 1 ? Rsi.Compute(Bars.Close, period) : null;
        var expected = new double[Bars.Count];
        double pos = 0, entryClose = 0;
        bool armedLong = true, armedShort = true;
        for (var t = 0; t < Bars.Count; t++)
        {
            var c = Bars.Close[t];
            var d = dev[t];
            if (double.IsNaN(d))
            {
                continue;
            }

            var stop = stopPct / 100;
            bool belowEntry = d < -entry, aboveEntry = d > entry, belowExit = d < -exit, aboveExit = d > exit;
            if (rsi is not null)
            {
                (belowEntry, aboveEntry) = (rsi[t] < 50 - (10 * entry), rsi[t] > 50 + (10 * entry));
                (belowExit, aboveExit) = (rsi[t] < 50 - (10 * exit), rsi[t] > 50 + (10 * exit));
            }

            if (pos > 0 && (!belowExit || (stop > 0 && c <= entryClose * (1 - stop))))
            {
                armedLong = !belowExit;
                pos = 0;
            }
            else if (pos < 0 && (!aboveExit || (stop > 0 && c >= entryClose * (1 + stop))))
            {
                armedShort = !aboveExit;
                pos = 0;
            }

            armedLong |= !belowEntry;
            armedShort |= !aboveEntry;
            if (pos == 0 && belowEntry && armedLong)
            {
                (pos, entryClose) = (1, c);
            }
            else if (pos == 0 && aboveEntry && armedShort)
            {
                (pos, entryClose) = (-1, c);
            }

            expected[t] = pos;
        }

        var actual = Signals.Targets(Seed, Bars, [signal, period, entry, exit, stopPct]);
        Assert.True(actual.Count(v => v != 0) > 100);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Validate_ExitNotBelowEntry_IsAnError() =>
        Assert.Contains(GeneValidation.Check(Seed, [0, 20, 1, 1, 5]).Errors, e => e.Contains("'exit'", StringComparison.Ordinal));

    private static double[] Deviation(int signal, int period)
    {
        if (signal == 1)
        {
            return Rsi.Compute(Bars.Close, period).Select(r => (r - 50) / 10).ToArray();
        }

        if (signal == 2)
        {
            return ZScore.Compute(Bars.Close, period);
        }

        var (u, m, l) = (new double[Bars.Count], new double[Bars.Count], new double[Bars.Count]);
        BollingerBands.Compute(Bars.Close, period, 1, u, m, l);
        return Bars.Close.Select((c, i) => (c - m[i]) / (u[i] - m[i])).ToArray();
    }
}
