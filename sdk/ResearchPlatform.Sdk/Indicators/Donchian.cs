namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Donchian channel over the n bars ending at t (the current bar included): upper = highest high, lower = lowest low,
/// middle = their mean. NaN for t &lt; n - 1. A breakout rule compares today's close with yesterday's channel.
/// </summary>
public static class Donchian
{
    /// <summary>Writes the three channel lines.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> upper, Span<double> middle, Span<double> lower)
    {
        IndicatorGuard.Period(period);
        IndicatorGuard.SameLength(high.Length, low.Length, nameof(low));
        IndicatorGuard.SameLength(high.Length, upper.Length, nameof(upper));
        IndicatorGuard.SameLength(high.Length, middle.Length, nameof(middle));
        IndicatorGuard.SameLength(high.Length, lower.Length, nameof(lower));
        var ext = new RangeExtremes(high, low[..high.Length]);
        for (var t = 0; t < high.Length; t++)
        {
            if (t + 1 < period)
            {
                upper[t] = middle[t] = lower[t] = double.NaN;
                continue;
            }

            upper[t] = ext.Max(t, period);
            lower[t] = ext.Min(t, period);
            middle[t] = (upper[t] + lower[t]) / 2;
        }
    }
}
