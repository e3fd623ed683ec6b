namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// MACD: <c>macd = EMA(fast) - EMA(slow)</c> (NaN until the slow EMA is seeded at index slow - 1), <c>signal</c> =
/// EMA(signalPeriod) of the MACD line seeded with the mean of its first signalPeriod values (first value at index
/// slow + signalPeriod - 2), <c>histogram = macd - signal</c>. Defaults in the literature: 12, 26, 9.
/// </summary>
public static class Macd
{
    /// <summary>Writes the three MACD lines.</summary>
    public static void Compute(ReadOnlySpan<double> input, int fast, int slow, int signalPeriod, Span<double> macd, Span<double> signal, Span<double> histogram)
    {
        IndicatorGuard.Period(fast, nameof(fast));
        IndicatorGuard.Period(slow, nameof(slow));
        IndicatorGuard.Period(signalPeriod, nameof(signalPeriod));
        if (fast >= slow)
        {
            throw new ArgumentOutOfRangeException(nameof(fast), fast, $"fast ({fast}) must be < slow ({slow})");
        }

        IndicatorGuard.SameLength(input.Length, macd.Length, nameof(macd));
        IndicatorGuard.SameLength(input.Length, signal.Length, nameof(signal));
        IndicatorGuard.SameLength(input.Length, histogram.Length, nameof(histogram));
        var f = new EmaState(fast);
        var s = new EmaState(slow);
        var g = new EmaState(signalPeriod);
        for (var t = 0; t < input.Length; t++)
        {
            var m = f.Next(input[t]) - s.Next(input[t]);
            macd[t] = m;
            var sig = double.IsNaN(m) ? double.NaN : g.Next(m);
            signal[t] = sig;
            histogram[t] = m - sig;
        }
    }
}
