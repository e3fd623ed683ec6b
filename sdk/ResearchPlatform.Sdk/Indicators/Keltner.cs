namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Keltner channel (StockCharts' modern form): middle = EMA(close, emaPeriod), upper/lower = middle ± multiplier ×
/// ATR(atrPeriod) (Wilder). Typical: 20, 10, 2. NaN until both the EMA and the ATR are warm.
/// </summary>
public static class Keltner
{
    /// <summary>Writes the three channel lines.</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int emaPeriod, int atrPeriod, double multiplier,
        Span<double> upper, Span<double> middle, Span<double> lower)
    {
        IndicatorGuard.SameLength(close.Length, upper.Length, nameof(upper));
        IndicatorGuard.SameLength(close.Length, middle.Length, nameof(middle));
        IndicatorGuard.SameLength(close.Length, lower.Length, nameof(lower));
        IndicatorGuard.SameLength(close.Length, high.Length, nameof(high));
        IndicatorGuard.SameLength(close.Length, low.Length, nameof(low));
        var ema = new EmaState(emaPeriod);
        var atr = new AtrState(atrPeriod);
        for (var t = 0; t < close.Length; t++)
        {
            var m = ema.Next(close[t]);
            var a = atr.Next(high[t], low[t], close[t]);
            var ok = !double.IsNaN(m) && !double.IsNaN(a);
            middle[t] = ok ? m : double.NaN;
            upper[t] = ok ? m + (multiplier * a) : double.NaN;
            lower[t] = ok ? m - (multiplier * a) : double.NaN;
        }
    }
}
