using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// Deterministic synthetic bars (a seeded geometric random walk with consistent high/low and positive volume) for
/// benchmarks and tests. The same arguments always give the same series.
/// </summary>
public static class SyntheticBars
{
    /// <summary>Generates <paramref name="count"/> gap-free bars starting at <paramref name="startMs"/> (on the grid).</summary>
    public static BarSeries Generate(string symbol, BarInterval interval, int count, int seed, long startMs = 1_577_836_800_000L)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed);
        var t = new long[count];
        var o = new double[count];
        var h = new double[count];
        var l = new double[count];
        var c = new double[count];
        var v = new double[count];
        var start = BarGrid.Floor(startMs, interval);
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            t[i] = start + (i * interval.Milliseconds);
            o[i] = price;
            price *= Math.Exp((rng.NextDouble() - 0.5) * 0.01);
            c[i] = price;
            h[i] = Math.Max(o[i], c[i]) * (1 + (rng.NextDouble() * 0.002));
            l[i] = Math.Min(o[i], c[i]) * (1 - (rng.NextDouble() * 0.002));
            v[i] = 1 + (rng.NextDouble() * 100);
        }

        return new BarSeries(symbol, interval, t, o, h, l, c, v);
    }
}
