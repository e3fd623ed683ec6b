namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Rolling z-score: <c>(x[t] - SMA(n)[t]) / std(n)[t]</c> with the sample standard deviation (n - 1) over the same
/// n values (the current one included). 0 when the deviation is 0; NaN for t &lt; n - 1. Needs n &gt;= 2.
/// </summary>
public static class ZScore
{
    /// <summary>Writes the z-score into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        if (period < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "z-score needs period >= 2");
        }

        IndicatorGuard.SameLength(input.Length, output.Length);
        var s1 = PrefixSums.Of(input);
        var s2 = PrefixSums.OfSquares(input);
        for (var t = 0; t < input.Length; t++)
        {
            if (t + 1 < period)
            {
                output[t] = double.NaN;
                continue;
            }

            var sd = Math.Sqrt(RollingStd.Variance(s1, s2, t, period, sample: true));
            var dev = input[t] - s1.WindowMean(t, period);
            output[t] = sd > 0 ? dev / sd : 0;
        }
    }

    /// <summary>The z-score as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> input, int period)
    {
        var output = new double[input.Length];
        Compute(input, period, output);
        return output;
    }
}
