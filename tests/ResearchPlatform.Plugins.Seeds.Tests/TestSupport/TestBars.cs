using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Plugins.Seeds.Tests.TestSupport;

/// <summary>Tiny test-only readers (pandas-style ",Open,High,Low,Close,Volume" CSV and freqtrade JSON) and generators.</summary>
internal static class TestBars
{
    public static BarSeries ReadPandasCsv(string path, string symbol)
    {
        var lines = System.IO.File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
        var n = lines.Length;
        var t = new long[n];
        var o = new double[n];
        var h = new double[n];
        var l = new double[n];
        var c = new double[n];
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            var f = lines[i].Split(',');
            t[i] = DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();
            o[i] = double.Parse(f[1], CultureInfo.InvariantCulture);
            h[i] = double.Parse(f[2], CultureInfo.InvariantCulture);
            l[i] = double.Parse(f[3], CultureInfo.InvariantCulture);
            c[i] = double.Parse(f[4], CultureInfo.InvariantCulture);
            v[i] = double.Parse(f[5], CultureInfo.InvariantCulture);
        }

        return new BarSeries(symbol, BarInterval.Parse("1d"), t, o, h, l, c, v);
    }

    public static BarSeries ReadFreqtradeJson(string path, string symbol, string interval)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        var rows = doc.RootElement.EnumerateArray().ToArray();
        var n = rows.Length;
        var t = new long[n];
        var o = new double[n];
        var h = new double[n];
        var l = new double[n];
        var c = new double[n];
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            var r = rows[i];
            t[i] = r[0].GetInt64();
            o[i] = r[1].GetDouble();
            h[i] = r[2].GetDouble();
            l[i] = r[3].GetDouble();
            c[i] = r[4].GetDouble();
            v[i] = r[5].GetDouble();
        }

        return new BarSeries(symbol, BarInterval.Parse(interval), t, o, h, l, c, v);
    }

    /// <summary>A seeded random walk with plausible OHLC (hourly, 24/7).</summary>
    public static BarSeries RandomWalk(int n, int seed, double start = 100)
    {
        var rng = new Random(seed);
        var t = new long[n];
        var o = new double[n];
        var h = new double[n];
        var l = new double[n];
        var c = new double[n];
        var v = new double[n];
        var price = start;
        for (var i = 0; i < n; i++)
        {
            t[i] = 1_600_000_000_000L + (i * 3_600_000L);
            o[i] = price;
            var close = price * Math.Exp((rng.NextDouble() - 0.5) * 0.04);
            h[i] = Math.Max(o[i], close) * (1 + (rng.NextDouble() * 0.01));
            l[i] = Math.Min(o[i], close) * (1 - (rng.NextDouble() * 0.01));
            c[i] = close;
            v[i] = 1;
            price = close * Math.Exp((rng.NextDouble() - 0.5) * 0.002);
        }

        return new BarSeries("TEST/USD", BarInterval.Parse("1h"), t, o, h, l, c, v);
    }
}
