namespace ResearchPlatform.Sdk.Indicators;

/// <summary>Wilder's average true range (see <see cref="AtrState"/>); NaN for t &lt; n - 1.</summary>
public static class Atr
{
    /// <summary>Writes ATR(<paramref name="period"/>) into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        IndicatorGuard.SameLength(close.Length, high.Length, nameof(high));
        IndicatorGuard.SameLength(close.Length, low.Length, nameof(low));
        IndicatorGuard.SameLength(close.Length, output.Length);
        var state = new AtrState(period);
        for (var t = 0; t < close.Length; t++)
        {
            output[t] = state.Next(high[t], low[t], close[t]);
        }
    }

    /// <summary>ATR(<paramref name="period"/>) as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period)
    {
        var output = new double[close.Length];
        Compute(high, low, close, period, output);
        return output;
    }
}
