using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>Bar series for paper-replay tests: hourly, with a volume large enough that no fill is capped.</summary>
internal static class PaperSeries
{
    public static BarSeries Of(params (double O, double C)[] bars)
    {
        var n = bars.Length;
        var t = new long[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i).ToUnixTimeMilliseconds();
        }

        return new BarSeries(
            "TEST", BarInterval.Parse("1h"), t,
            bars.Select(b => b.O).ToArray(),
            bars.Select(b => Math.Max(b.O, b.C) + 1).ToArray(),
            bars.Select(b => Math.Min(b.O, b.C) - 1).ToArray(),
            bars.Select(b => b.C).ToArray(),
            Enumerable.Repeat(1e12, n).ToArray());
    }

    /// <summary>A seeded random walk on a 0.01 tick with huge volume.</summary>
    public static BarSeries RandomWalk(int n, int seed)
    {
        var rng = new Random(seed);
        var bars = new (double O, double C)[n];
        var price = 100.0;
        for (var i = 0; i < n; i++)
        {
            var open = Math.Round(price * (1 + ((rng.NextDouble() - 0.5) * 0.002)), 2);
            var close = Math.Round(open * (1 + ((rng.NextDouble() - 0.5) * 0.02)), 2);
            bars[i] = (open, close);
            price = close;
        }

        return Of(bars);
    }

    /// <summary>Hourly random walk with wicks of up to 0.6 % and an open that gaps up to 1 % from the previous close.</summary>
    public static BarSeries WickedWalk(int n, int seed)
    {
        var rng = new Random(seed);
        var b = new (double O, double H, double L, double C)[n];
        var price = 100.0;
        for (var i = 0; i < n; i++)
        {
            var o = Math.Round(price * (1 + ((rng.NextDouble() - 0.5) * 0.02)), 2);
            var c = Math.Round(o * (1 + ((rng.NextDouble() - 0.5) * 0.02)), 2);
            b[i] = (o, Math.Round(Math.Max(o, c) * (1 + (rng.NextDouble() * 0.006)), 2), Math.Round(Math.Min(o, c) * (1 - (rng.NextDouble() * 0.006)), 2), c);
            price = c;
        }

        return Ohlc(b);
    }

    /// <summary>Hourly bars from (open, high, low, close) rows, huge volume.</summary>
    public static BarSeries Ohlc(params (double O, double H, double L, double C)[] b)
    {
        var t = Enumerable.Range(0, b.Length).Select(i => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i).ToUnixTimeMilliseconds()).ToArray();
        return new BarSeries("TEST", BarInterval.Parse("1h"), t, b.Select(x => x.O).ToArray(), b.Select(x => x.H).ToArray(), b.Select(x => x.L).ToArray(), b.Select(x => x.C).ToArray(), Enumerable.Repeat(1e12, b.Length).ToArray());
    }
}
