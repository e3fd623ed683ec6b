namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Rolling standard deviation over n values ending at t. <c>sample = true</c> divides by n - 1 (needs n &gt;= 2),
/// otherwise by n (population, as Bollinger bands use). Computed from exact compensated sums of x and x²
/// (<see cref="PrefixSums"/>); NaN for t &lt; n - 1.
/// </summary>
public static class RollingStd
{
    /// <summary>Writes the rolling standard deviation into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, bool sample, Span<double> output)
    {
        IndicatorGuard.Period(period);
        if (sample && period < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "a sample standard deviation needs period >= 2");
        }

        IndicatorGuard.SameLength(input.Length, output.Length);
        var s1 = PrefixSums.Of(input);
        var s2 = PrefixSums.OfSquares(input);
        for (var t = 0; t < input.Length; t++)
        {
            output[t] = t + 1 < period ? double.NaN : Std(s1, s2, t, period, sample);
        }
    }

    /// <summary>The rolling standard deviation as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> input, int period, bool sample)
    {
        var output = new double[input.Length];
        Compute(input, period, sample, output);
        return output;
    }

    /// <summary>
    /// The variance of the <paramref name="period"/> values ending at <paramref name="end"/> from prefix sums of the
    /// values and of their squares (clamped at 0 against rounding).
    /// </summary>
    public static double Variance(PrefixSums sums, PrefixSums squares, int end, int period, bool sample)
    {
        var s = sums.WindowSum(end, period);
        var q = squares.WindowSum(end, period);
        var v = (q - (s * s / period)) / (sample ? period - 1 : period);
        return v > 0 ? v : 0;
    }

    private static double Std(PrefixSums s1, PrefixSums s2, int end, int period, bool sample) =>
        Math.Sqrt(Variance(s1, s2, end, period, sample));
}
