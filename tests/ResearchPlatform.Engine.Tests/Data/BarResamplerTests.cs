using ResearchPlatform.Engine.Data;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.Data;

public sealed class BarResamplerTests
{
    private const long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z, a Monday
    private const long M15 = 900_000L;
    private static readonly BarInterval Q = BarInterval.Parse("15m");
    private static readonly BarInterval H1 = BarInterval.Parse("1h");

    [Fact]
    public void Resample_15mTo1h_AggregatesFirstMaxMinLastSum()
    {
        // Two full hours of 15m bars; hand-computed expectations below.
        var s = Series(Q, [T0, T0 + M15, T0 + (2 * M15), T0 + (3 * M15), T0 + (4 * M15), T0 + (5 * M15), T0 + (6 * M15), T0 + (7 * M15)],
            o: [10, 11, 12, 11, 20, 21, 19, 18],
            h: [12, 13, 14, 12, 22, 25, 20, 19],
            l: [9, 10, 11, 10, 19, 20, 17, 16],
            c: [11, 12, 11, 10.5, 21, 19, 18, 17.5],
            v: [1, 2, 3, 4, 10, 20, 30, 40]);

        var r = BarResampler.Resample(s, H1);

        Assert.Equal(H1, r.Series.Interval);
        Assert.Equal([T0, T0 + 3_600_000], r.Series.OpenTimesMs);
        Assert.Equal([10.0, 20.0], r.Series.Open);
        Assert.Equal([14.0, 25.0], r.Series.High);
        Assert.Equal([9.0, 16.0], r.Series.Low);
        Assert.Equal([10.5, 17.5], r.Series.Close);
        Assert.Equal([10.0, 100.0], r.Series.Volume);
        Assert.Empty(r.PartialBuckets);
    }

    [Fact]
    public void Resample_IncompleteBuckets_AreDroppedByDefaultAndListed()
    {
        // Hour 0 complete; hour 1 misses its 3rd bar (an outage); hour 2 has only its first bar (in progress).
        long[] t = [T0, T0 + M15, T0 + (2 * M15), T0 + (3 * M15), T0 + (4 * M15), T0 + (5 * M15), T0 + (7 * M15), T0 + (8 * M15)];
        var s = Series(Q, t, o: [1, 1, 1, 1, 2, 2, 2, 3], h: [1, 1, 1, 1, 5, 2, 2, 3], l: [1, 1, 1, 1, 2, 2, 2, 3], c: [1, 1, 1, 1, 2, 2, 4, 3], v: [1, 1, 1, 1, 1, 1, 1, 1]);

        var dropped = BarResampler.Resample(s, H1);
        var included = BarResampler.Resample(s, H1, PartialBucketPolicy.Include);

        Assert.Equal([T0], dropped.Series.OpenTimesMs);
        Assert.Equal([DateTimeOffset.FromUnixTimeMilliseconds(T0 + 3_600_000), DateTimeOffset.FromUnixTimeMilliseconds(T0 + 7_200_000)], dropped.PartialBuckets);
        Assert.Equal([T0, T0 + 3_600_000, T0 + 7_200_000], included.Series.OpenTimesMs);
        Assert.Equal(5.0, included.Series.High[1]);
        Assert.Equal(4.0, included.Series.Close[1]);
        Assert.Equal(3.0, included.Series.Volume[1]);
        Assert.Equal(2, included.PartialBuckets.Count);
    }

    [Fact]
    public void Resample_1dTo1w_BucketsOnMondays()
    {
        // 2023-12-28 (Thu) .. 2024-01-14 (Sun): partial week, then two full Monday-based weeks.
        var start = T0 - (4 * 86_400_000L);
        var t = Enumerable.Range(0, 18).Select(i => start + (i * 86_400_000L)).ToArray();
        var ones = t.Select((_, i) => 1.0 + i).ToArray();
        var s = Series(BarInterval.Parse("1d"), t, ones, ones.Select(x => x + 1).ToArray(), ones, ones, ones.Select(_ => 1.0).ToArray());

        var r = BarResampler.Resample(s, BarInterval.Parse("1w"));

        Assert.Equal([T0, T0 + (7 * 86_400_000L)], r.Series.OpenTimesMs);
        Assert.Equal([5.0, 12.0], r.Series.Open);
        Assert.Equal([12.0, 19.0], r.Series.High);
        Assert.Equal([11.0, 18.0], r.Series.Close);
        Assert.Equal([7.0, 7.0], r.Series.Volume);
        Assert.Equal([DateTimeOffset.FromUnixTimeMilliseconds(T0 - (7 * 86_400_000L))], r.PartialBuckets);
    }

    [Fact]
    public void Resample_TargetNotAMultiple_Throws()
    {
        var s = Series(H1, [T0], [1], [1], [1], [1], [1]);

        var ex = Assert.Throws<ArgumentException>(() => BarResampler.Resample(s, BarInterval.Parse("90m")));
        Assert.Throws<ArgumentException>(() => BarResampler.Resample(s, Q));

        Assert.Contains("whole multiple of 1h", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_SyntheticMinutes_MatchesIndependentAggregation()
    {
        var s = SyntheticBars.Generate("X", BarInterval.Parse("1m"), 10_000, seed: 7, startMs: T0);

        var r = BarResampler.Resample(s, BarInterval.Parse("4h"));

        Assert.Equal(10_000 / 240, r.Series.Count);
        for (var b = 0; b < r.Series.Count; b++)
        {
            var from = b * 240;
            Assert.Equal(s.Open[from], r.Series.Open[b]);
            Assert.Equal(s.High.Skip(from).Take(240).Max(), r.Series.High[b]);
            Assert.Equal(s.Low.Skip(from).Take(240).Min(), r.Series.Low[b]);
            Assert.Equal(s.Close[from + 239], r.Series.Close[b]);
            Assert.Equal(s.Volume.Skip(from).Take(240).Sum(), r.Series.Volume[b], 9);
        }
    }

    private static BarSeries Series(BarInterval iv, long[] t, double[] o, double[] h, double[] l, double[] c, double[] v) =>
        new("X", iv, t, o, h, l, c, v);
}
