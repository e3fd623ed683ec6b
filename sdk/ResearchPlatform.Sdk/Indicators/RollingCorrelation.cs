namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Rolling Pearson correlation of x and y over the n pairs ending at t, from exact compensated sums of x, y, x², y²
/// and xy. NaN for t &lt; n - 1 and when either series is constant over the window. Needs n &gt;= 2.
/// </summary>
public static class RollingCorrelation
{
    /// <summary>Writes the rolling correlation into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, Span<double> output)
    {
        if (period < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "correlation needs period >= 2");
        }

        IndicatorGuard.SameLength(x.Length, y.Length, nameof(y));
        IndicatorGuard.SameLength(x.Length, output.Length);
        var sx = PrefixSums.Of(x);
        var sy = PrefixSums.Of(y);
        var sxx = PrefixSums.OfSquares(x);
        var syy = PrefixSums.OfSquares(y);
        var sxy = PrefixSums.OfProducts(x, y[..x.Length]);
        for (var t = 0; t < x.Length; t++)
        {
            if (t + 1 < period)
            {
                output[t] = double.NaN;
                continue;
            }

            var a = sx.WindowSum(t, period);
            var b = sy.WindowSum(t, period);
            var cov = sxy.WindowSum(t, period) - (a * b / period);
            var vx = sxx.WindowSum(t, period) - (a * a / period);
            var vy = syy.WindowSum(t, period) - (b * b / period);
            output[t] = vx > 0 && vy > 0 ? Math.Clamp(cov / Math.Sqrt(vx * vy), -1, 1) : double.NaN;
        }
    }

    /// <summary>The rolling correlation as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period)
    {
        var output = new double[x.Length];
        Compute(x, y, period, output);
        return output;
    }
}
