namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Linearly weighted moving average: weights 1..n, the newest value weighted n; divided by n(n+1)/2.
/// NaN for t &lt; n - 1.
/// </summary>
public static class Wma
{
    /// <summary>Writes WMA(<paramref name="period"/>) of <paramref name="input"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        IndicatorGuard.Period(period);
        IndicatorGuard.SameLength(input.Length, output.Length);
        var denominator = period * (period + 1) / 2.0;
        for (var t = 0; t < input.Length; t++)
        {
            if (t < period - 1)
            {
                output[t] = double.NaN;
                continue;
            }

            double acc = 0;
            for (var k = 0; k < period; k++)
            {
                acc += (period - k) * input[t - k];
            }

            output[t] = acc / denominator;
        }
    }

    /// <summary>WMA(<paramref name="period"/>) as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> input, int period)
    {
        var output = new double[input.Length];
        Compute(input, period, output);
        return output;
    }
}
