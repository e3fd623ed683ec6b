using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>Small synthetic bar series for kernel tests.</summary>
internal static class TestSeries
{
    /// <summary>Daily bars from (open, high, low, close) tuples, starting Monday 2024-01-01 (weekdays and weekends: 24/7).</summary>
    public static BarSeries Of(params (double O, double H, double L, double C)[] bars)
    {
        var n = bars.Length;
        var t = new long[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i).ToUnixTimeMilliseconds();
        }

        return new BarSeries("TEST/USD", BarInterval.Parse("1d"), t, bars.Select(b => b.O).ToArray(), bars.Select(b => b.H).ToArray(),
            bars.Select(b => b.L).ToArray(), bars.Select(b => b.C).ToArray(), new double[n]);
    }

    /// <summary>The five-bar series used by the hand-computed kernel tests.</summary>
    public static BarSeries Five() => Of(
        (100, 101, 99, 100),
        (102, 104, 101, 103),
        (105, 106, 100, 101),
        (99, 100, 95, 96),
        (97, 99, 96, 98));

    /// <summary>A seeded random walk with plausible OHLC, hourly, 24/7.</summary>
    public static BarSeries RandomWalk(int n, int seed)
    {
        var rng = new Random(seed);
        var t = new long[n];
        var o = new double[n];
        var h = new double[n];
        var l = new double[n];
        var c = new double[n];
        var price = 100.0;
        for (var i = 0; i < n; i++)
        {
            t[i] = 1_600_000_000_000L + (i * 3_600_000L);
            o[i] = price * Math.Exp((rng.NextDouble() - 0.5) * 0.004);
            c[i] = o[i] * Math.Exp((rng.NextDouble() - 0.5) * 0.04);
            h[i] = Math.Max(o[i], c[i]) * (1 + (rng.NextDouble() * 0.01));
            l[i] = Math.Min(o[i], c[i]) * (1 - (rng.NextDouble() * 0.01));
            price = c[i];
        }

        return new BarSeries("RW/USD", BarInterval.Parse("1h"), t, o, h, l, c, new double[n]);
    }

    /// <summary>Random target scripts with persistence (values in -1, -0.5, 0, 0.5, 1).</summary>
    public static double[][] RandomScripts(int count, int bars, int seed)
    {
        var rng = new Random(seed);
        var values = new[] { -1, -0.5, 0, 0.5, 1 };
        var scripts = new double[count][];
        for (var s = 0; s < count; s++)
        {
            var x = new double[bars];
            var cur = 0.0;
            for (var i = 0; i < bars; i++)
            {
                if (rng.NextDouble() < 0.05)
                {
                    cur = values[rng.Next(values.Length)];
                }

                x[i] = cur;
            }

            scripts[s] = x;
        }

        return scripts;
    }
}
