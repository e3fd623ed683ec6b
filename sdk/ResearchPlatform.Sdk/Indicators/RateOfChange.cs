namespace ResearchPlatform.Sdk.Indicators;

/// <summary>Rate of change in percent: <c>100 × (x[t] / x[t - n] - 1)</c>; NaN for t &lt; n.</summary>
public static class RateOfChange
{
    /// <summary>Writes ROC(<paramref name="period"/>) into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        IndicatorGuard.Period(period);
        IndicatorGuard.SameLength(input.Length, output.Length);
        for (var t = 0; t < input.Length; t++)
        {
            output[t] = t < period ? double.NaN : 100 * ((input[t] / input[t - period]) - 1);
        }
    }

    /// <summary>ROC(<paramref name="period"/>) as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> input, int period)
    {
        var output = new double[input.Length];
        Compute(input, period, output);
        return output;
    }
}
