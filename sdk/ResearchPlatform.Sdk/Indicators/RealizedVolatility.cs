namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Realized volatility over the n log returns ending at t: <c>sqrt(Σ r² / n) × sqrt(periodsPerYear)</c> with
/// <c>r[i] = ln(x[i] / x[i-1])</c> (no mean subtracted, the usual realized-variance convention). Pass
/// periodsPerYear = 1 for per-bar volatility. NaN for t &lt; n (the first return is at index 1).
/// </summary>
public static class RealizedVolatility
{
    /// <summary>Log returns: <c>r[0] = 0</c>, <c>r[i] = ln(x[i] / x[i-1])</c>.</summary>
    public static double[] LogReturns(ReadOnlySpan<double> input)
    {
        var r = new double[input.Length];
        for (var i = 1; i < input.Length; i++)
        {
            r[i] = Math.Log(input[i] / input[i - 1]);
        }

        return r;
    }

    /// <summary>Writes the realized volatility into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, double periodsPerYear, Span<double> output)
    {
        IndicatorGuard.Period(period);
        IndicatorGuard.SameLength(input.Length, output.Length);
        var squares = PrefixSums.OfSquares(LogReturns(input));
        var scale = Math.Sqrt(periodsPerYear);
        for (var t = 0; t < input.Length; t++)
        {
            output[t] = t < period ? double.NaN : Math.Sqrt(squares.WindowSum(t, period) / period) * scale;
        }
    }

    /// <summary>The realized volatility as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> input, int period, double periodsPerYear)
    {
        var output = new double[input.Length];
        Compute(input, period, periodsPerYear, output);
        return output;
    }
}
