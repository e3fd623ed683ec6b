using ResearchPlatform.Sdk.Indicators;

namespace ResearchPlatform.Sdk.Tests.Indicators;

/// <summary>Each indicator against a plain textbook implementation (<see cref="Naive"/>) on random data, warm-up included.</summary>
public sealed class IndicatorTests
{
    private const double Tol = 1e-9;
    private static readonly double[] X = Naive.Random(600, 1, 30_000);
    private static readonly double[] Y = Naive.Random(600, 2);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    public void Sma_RandomSeries_MatchesPlainMean(int n)
    {
        var sma = Sma.Compute(X, n);
        for (var t = 0; t < X.Length; t++)
        {
            AssertClose(t < n - 1 ? double.NaN : Naive.Mean(X, t, n), sma[t]);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(26)]
    public void Ema_RandomSeries_MatchesRecursionSeededWithSma(int n) => AssertSeries(Naive.Ema(X, n), Ema.Compute(X, n));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(30)]
    public void Wma_RandomSeries_MatchesWeightedSum(int n)
    {
        var wma = Wma.Compute(X, n);
        for (var t = 0; t < X.Length; t++)
        {
            double num = 0, den = 0;
            for (var w = 1; t >= n - 1 && w <= n; w++)
            {
                num += w * X[t - n + w];
                den += w;
            }

            AssertClose(t < n - 1 ? double.NaN : num / den, wma[t]);
        }

        AssertClose(((4 * X[10]) + (3 * X[9]) + (2 * X[8]) + X[7]) / 10, Wma.Compute(X, 4)[10]);
    }

    [Fact]
    public void Rsi_OnlyGains_Is100_Flat_Is50()
    {
        var up = Enumerable.Range(1, 30).Select(i => (double)i).ToArray();
        Assert.Equal(100, Rsi.Compute(up, 14)[20]);
        Assert.Equal(50, Rsi.Compute(Enumerable.Repeat(7.0, 30).ToArray(), 14)[20]);
        Assert.Equal(0, Rsi.Compute(up.Reverse().ToArray(), 14)[20]);
    }

    [Fact]
    public void ZScore_ConstantWindow_IsZero_Correlation_IsNaN()
    {
        var flat = Enumerable.Repeat(3.0, 40).ToArray();
        Assert.Equal(0, ZScore.Compute(flat, 10)[20]);
        Assert.True(double.IsNaN(RollingCorrelation.Compute(flat, X.Take(40).ToArray(), 10)[20]));
        Assert.True(double.IsNaN(ZScore.Compute(X, 20)[18]) && !double.IsNaN(ZScore.Compute(X, 20)[19]));
    }

    [Fact]
    public void Periods_BelowTheMinimum_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sma.Compute(X, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ema.Compute(X, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingStd.Compute(X, 1, sample: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => ZScore.Compute(X, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingCorrelation.Compute(X, Y, 1));
    }

    [Fact]
    public void ShortSeries_LongerPeriod_IsAllWarmUp()
    {
        var x = X.Take(5).ToArray();
        Assert.All(Sma.Compute(x, 10), v => Assert.True(double.IsNaN(v)));
        Assert.All(Ema.Compute(x, 10), v => Assert.True(double.IsNaN(v)));
        Assert.All(Rsi.Compute(x, 10), v => Assert.True(double.IsNaN(v)));
        Assert.All(Atr.Compute(x, x, x, 10), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Rsi_RandomSeries_MatchesWilderDefinition()
    {
        var d = X.Select((v, i) => i == 0 ? 0 : v - X[i - 1]).ToArray();
        var gain = Naive.Wilder(d.Select(v => Math.Max(v, 0)).ToArray(), 14, 1);
        var loss = Naive.Wilder(d.Select(v => Math.Max(-v, 0)).ToArray(), 14, 1);
        var expected = gain.Select((g, i) => double.IsNaN(g) ? double.NaN : 100 - (100 / (1 + (g / loss[i])))).ToArray();
        AssertSeries(expected, Rsi.Compute(X, 14));
    }

    [Fact]
    public void Atr_RandomBars_MatchesWilderAverageOfTrueRange()
    {
        var (h, l, c) = Bars();
        AssertSeries(Naive.Wilder(Naive.TrueRange(h, l, c), 14, 0), Atr.Compute(h, l, c, 14));
    }

    [Fact]
    public void Macd_RandomSeries_MatchesEmaDifferenceAndSignal()
    {
        var macd = new double[X.Length];
        var signal = new double[X.Length];
        var hist = new double[X.Length];
        Macd.Compute(X, 12, 26, 9, macd, signal, hist);
        var line = Naive.Ema(X, 12).Zip(Naive.Ema(X, 26), (a, b) => a - b).ToArray();
        AssertSeries(line, macd);
        var sig = Naive.Ema(line.Skip(25).ToArray(), 9);
        for (var t = 25; t < X.Length; t++)
        {
            AssertClose(sig[t - 25], signal[t]);
            AssertClose(line[t] - sig[t - 25], hist[t]);
        }

        Assert.True(double.IsNaN(signal[32]) && !double.IsNaN(signal[33]));
    }

    [Fact]
    public void Bollinger_RandomSeries_UsesPopulationDeviation()
    {
        var (u, m, lo) = (new double[X.Length], new double[X.Length], new double[X.Length]);
        BollingerBands.Compute(X, 20, 2, u, m, lo);
        for (var t = 19; t < X.Length; t++)
        {
            var sd = Naive.Std(X, t, 20, sample: false);
            AssertClose(Naive.Mean(X, t, 20) + (2 * sd), u[t], 1e-7);
            AssertClose(Naive.Mean(X, t, 20) - (2 * sd), lo[t], 1e-7);
            AssertClose(Naive.Mean(X, t, 20), m[t]);
        }

        Assert.True(double.IsNaN(m[18]));
    }

    [Fact]
    public void Donchian_RandomBars_HighestHighLowestLowIncludingCurrent()
    {
        var (h, l, _) = Bars();
        var (u, m, lo) = (new double[h.Length], new double[h.Length], new double[h.Length]);
        Donchian.Compute(h, l, 20, u, m, lo);
        for (var t = 19; t < h.Length; t++)
        {
            Assert.Equal(h.Skip(t - 19).Take(20).Max(), u[t]);
            Assert.Equal(l.Skip(t - 19).Take(20).Min(), lo[t]);
            Assert.Equal((u[t] + lo[t]) / 2, m[t]);
        }

        Assert.True(double.IsNaN(u[18]));
    }

    [Fact]
    public void Keltner_RandomBars_EmaPlusMinusAtrMultiple()
    {
        var (h, l, c) = Bars();
        var (u, m, lo) = (new double[c.Length], new double[c.Length], new double[c.Length]);
        Keltner.Compute(h, l, c, 20, 10, 2, u, m, lo);
        var ema = Naive.Ema(c, 20);
        var atr = Naive.Wilder(Naive.TrueRange(h, l, c), 10, 0);
        AssertSeries(ema.Select((e, i) => e + (2 * atr[i])).ToArray(), u);
        AssertSeries(ema.Select((e, i) => e - (2 * atr[i])).ToArray(), lo);
        AssertSeries(ema.Select((e, i) => double.IsNaN(atr[i]) ? double.NaN : e).ToArray(), m);
    }

    [Fact]
    public void RateOfChange_RandomSeries_PercentChangeOverN() =>
        AssertSeries(X.Select((v, i) => i < 5 ? double.NaN : 100 * ((v / X[i - 5]) - 1)).ToArray(), RateOfChange.Compute(X, 5));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RollingStd_RandomSeries_MatchesTwoPass(bool sample)
    {
        var std = RollingStd.Compute(X, 30, sample);
        for (var t = 0; t < X.Length; t++)
        {
            AssertClose(t < 29 ? double.NaN : Naive.Std(X, t, 30, sample), std[t], 1e-7);
        }
    }

    [Fact]
    public void ZScore_RandomSeries_DeviationOverSampleStd()
    {
        var z = ZScore.Compute(X, 20);
        for (var t = 19; t < X.Length; t++)
        {
            AssertClose((X[t] - Naive.Mean(X, t, 20)) / Naive.Std(X, t, 20, sample: true), z[t], 1e-7);
        }
    }

    [Fact]
    public void RealizedVolatility_RandomSeries_RootMeanSquareLogReturn()
    {
        var rv = RealizedVolatility.Compute(X, 24, 8760);
        for (var t = 24; t < X.Length; t++)
        {
            var s = 0.0;
            for (var i = t - 23; i <= t; i++)
            {
                s += Math.Pow(Math.Log(X[i] / X[i - 1]), 2);
            }

            AssertClose(Math.Sqrt(s / 24) * Math.Sqrt(8760), rv[t]);
        }

        Assert.True(double.IsNaN(rv[23]));
    }

    [Fact]
    public void RollingCorrelation_RandomSeries_MatchesPearson()
    {
        var r = RollingCorrelation.Compute(X, Y, 40);
        for (var t = 39; t < X.Length; t++)
        {
            var (mx, my) = (Naive.Mean(X, t, 40), Naive.Mean(Y, t, 40));
            double sxy = 0, sxx = 0, syy = 0;
            for (var i = t - 39; i <= t; i++)
            {
                sxy += (X[i] - mx) * (Y[i] - my);
                sxx += (X[i] - mx) * (X[i] - mx);
                syy += (Y[i] - my) * (Y[i] - my);
            }

            AssertClose(sxy / Math.Sqrt(sxx * syy), r[t], 1e-7);
        }
    }

    [Fact]
    public void RollingCorrelation_PerfectlyLinear_IsOne()
    {
        var r = RollingCorrelation.Compute(X, X.Select(v => (3 * v) + 1).ToArray(), 10);
        AssertClose(1, r[100], 1e-9);
    }

    private static (double[] H, double[] L, double[] C) Bars()
    {
        var h = X.Select((v, i) => v * (1 + (0.01 * ((i % 7) + 1)))).ToArray();
        var l = X.Select((v, i) => v * (1 - (0.01 * ((i % 5) + 1)))).ToArray();
        return (h, l, X);
    }

    private static void AssertSeries(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i], actual[i]);
        }
    }

    private static void AssertClose(double expected, double actual, double relTol = Tol)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}");
            return;
        }

        Assert.True(Math.Abs(expected - actual) <= relTol * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
    }
}
