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
}
