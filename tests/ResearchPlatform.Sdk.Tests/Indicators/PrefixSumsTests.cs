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
