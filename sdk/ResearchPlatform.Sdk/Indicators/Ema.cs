namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Exponential moving average, <c>alpha = 2 / (n + 1)</c>, seeded with SMA(n) at index n - 1 (NaN before), see
/// <see cref="EmaState"/>. NaN inputs are not skipped: use finite inputs.
/// </summary>
public static class Ema
{
    /// <summary>Writes EMA(<paramref name="period"/>) of <paramref name="input"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        IndicatorGuard.SameLength(input.Length, output.Length);
        var state = new EmaState(period);
        for (var t = 0; t < input.Length; t++)
        {
            output[t] = state.Next(input[t]);
        }
    }

    /// <summary>EMA(<paramref name="period"/>) as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> input, int period)
    {
        var output = new double[input.Length];
        Compute(input, period, output);
        return output;
    }
}
