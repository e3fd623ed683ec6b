namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Simple moving average: <c>out[t] = mean(x[t - n + 1 .. t])</c>; NaN for t &lt; n - 1 (warm-up).
/// Computed from compensated prefix sums (<see cref="PrefixSums"/>), so it equals the batch table forms bit for bit.
/// </summary>
public static class Sma
{
    /// <summary>Writes SMA(<paramref name="period"/>) of <paramref name="input"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        IndicatorGuard.Period(period);
        IndicatorGuard.SameLength(input.Length, output.Length);
        var sums = PrefixSums.Of(input);
        for (var t = 0; t < input.Length; t++)
        {
            output[t] = sums.WindowMean(t, period);
        }
    }

    /// <summary>SMA(<paramref name="period"/>) as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> input, int period)
    {
        var output = new double[input.Length];
        Compute(input, period, output);
        return output;
    }
}
