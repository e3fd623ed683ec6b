using ResearchPlatform.Sdk.Indicators;

namespace ResearchPlatform.Sdk.Tests.Indicators;

public sealed class PrefixSumsTests
{
    [Fact]
    public void WindowMean_FlatStretchAfterLargeValues_IsWithinOneRounding()
    {
        // a plain running sum drifts after large values; compensated sums give the flat price to an ulp for every window
        var x = Enumerable.Range(0, 5_000).Select(i => i < 4_000 ? 60_000 + (i * 0.37) : 12_345.67).ToArray();
        var sums = PrefixSums.Of(x);
        var plain = new double[x.Length + 1];
        for (var i = 0; i < x.Length; i++)
        {
            plain[i + 1] = plain[i] + x[i];
        }

        var ulp = Math.BitIncrement(12_345.67) - 12_345.67;
        var plainWorst = 0.0;
        for (var w = 1; w <= 900; w++)
        {
            Assert.True(Math.Abs(sums.WindowMean(4_999, w) - 12_345.67) <= ulp, $"window {w}");
            plainWorst = Math.Max(plainWorst, Math.Abs(((plain[5_000] - plain[5_000 - w]) / w) - 12_345.67));
        }

        Assert.True(plainWorst > 1_000 * ulp, $"plain prefix sums err by {plainWorst}");
    }

    [Fact]
    public void WindowMeans_EightWindowsAtOnce_EqualWindowMeanBitForBit()
    {
        var x = Naive.Random(500, 4, 40_000);
        var sums = PrefixSums.Of(x);
        var rng = new Random(11);
        for (var i = 0; i < 400; i++)
        {
            // ends from -3 (before the series) to the last index, lengths past the start now and then (NaN lanes)
            var ends = Enumerable.Range(0, 8).Select(_ => rng.Next(-3, 500)).ToArray();
            var lengths = Enumerable.Range(0, 8).Select(_ => rng.Next(1, 120)).ToArray();
            var v = sums.WindowMeans(ends, lengths);
            for (var k = 0; k < 8; k++)
            {
                var expected = sums.WindowMean(ends[k], lengths[k]);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(v[k]) || (double.IsNaN(expected) && double.IsNaN(v[k])),
                    $"end {ends[k]} length {lengths[k]}: {v[k]} vs {expected}");
            }
        }
    }

    [Fact]
    public void FillMeanTable_AllWindowsAndListedWindows_EqualWindowMean()
    {
        var x = Naive.Random(300, 9, 40_000);
        var sums = PrefixSums.Of(x);
        var table = new double[50 * 30];
        sums.FillMeanTable(100, 50, 30, table);
        int[] listed = [2, 7, 30];
        var run = Enumerable.Range(1, 30).ToArray(); // consecutive windows take the vector path
        var runTable = new double[50 * 30];
        sums.FillMeanTable(100, 50, run, runTable);
        Assert.Equal(table, runTable);
        var compact = new double[50 * listed.Length];
        sums.FillMeanTable(100, 50, listed, compact);
        for (var r = 0; r < 50; r++)
        {
            for (var w = 1; w <= 30; w++)
            {
                Assert.Equal(sums.WindowMean(100 + r, w), table[(r * 30) + w - 1]);
            }

            for (var j = 0; j < listed.Length; j++)
            {
                Assert.Equal(sums.WindowMean(100 + r, listed[j]), compact[(r * listed.Length) + j]);
            }
        }

        // scattered windows (the gathered vector path) into wider rows: every value equals WindowMean, the rest of
        // each row is untouched
        int[] scattered = [1, 3, 4, 9, 11, 17, 18, 25, 26, 29, 30, 40, 41, 90, 120, 250, 299];
        var strided = new double[50 * 20];
        strided.AsSpan().Fill(-7);
        sums.FillMeanTable(100, 50, scattered, strided, 20);
        var early2 = new double[3 * 20];
        sums.FillMeanTable(95, 3, scattered, early2, 20);
        for (var r = 0; r < 50; r++)
        {
            for (var j = 0; j < 20; j++)
            {
                Assert.Equal(j < scattered.Length ? sums.WindowMean(100 + r, scattered[j]) : -7, strided[(r * 20) + j]);
                if (r < 3 && j < scattered.Length)
                {
                    Assert.Equal(sums.WindowMean(95 + r, scattered[j]), early2[(r * 20) + j]);
                }
            }
        }

        var early = new double[30];
        sums.FillMeanTable(3, 1, 30, early);
        Assert.True(double.IsNaN(early[4]) && !double.IsNaN(early[3]));
        var earlyRun = new double[30 * 20];
        sums.FillMeanTable(0, 20, run, earlyRun);
        for (var r = 0; r < 20; r++)
        {
            for (var w = 1; w <= 30; w++)
            {
                Assert.Equal(sums.WindowMean(r, w), earlyRun[(r * 30) + w - 1]);
            }
        }
    }

    [Fact]
    public void RangeExtremes_AnyWindow_MatchesScan()
    {
        var x = Naive.Random(257, 4);
        var y = Naive.Random(257, 5);
        var ext = new RangeExtremes(x, y);
        foreach (var (end, len) in new[] { (0, 1), (256, 257), (100, 33), (200, 64), (150, 1) })
        {
            Assert.Equal(x.Skip(end - len + 1).Take(len).Max(), ext.Max(end, len));
            Assert.Equal(y.Skip(end - len + 1).Take(len).Min(), ext.Min(end, len));
        }
    }
}
