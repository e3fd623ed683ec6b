namespace ResearchPlatform.Sdk.Indicators;

/// <summary>Wilder's relative strength index (see <see cref="RsiState"/>); NaN for t &lt; n.</summary>
public static class Rsi
{
    /// <summary>Writes RSI(<paramref name="period"/>) of <paramref name="input"/> into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        IndicatorGuard.SameLength(input.Length, output.Length);
        var state = new RsiState(period);
        for (var t = 0; t < input.Length; t++)
        {
            output[t] = state.Next(input[t]);
        }
    }

    /// <summary>RSI(<paramref name="period"/>) as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> input, int period)
    {
        var output = new double[input.Length];
        Compute(input, period, output);
        return output;
    }
}
