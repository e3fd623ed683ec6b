namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Bollinger bands: middle = SMA(n), upper/lower = middle ± k × population standard deviation over the same n values
/// (Bollinger's definition). Typical n = 20, k = 2. NaN for t &lt; n - 1.
/// </summary>
public static class BollingerBands
{
    /// <summary>Writes the three bands.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, double k, Span<double> upper, Span<double> middle, Span<double> lower)
    {
        IndicatorGuard.Period(period);
        IndicatorGuard.SameLength(input.Length, upper.Length, nameof(upper));
        IndicatorGuard.SameLength(input.Length, middle.Length, nameof(middle));
        IndicatorGuard.SameLength(input.Length, lower.Length, nameof(lower));
        var s1 = PrefixSums.Of(input);
        var s2 = PrefixSums.OfSquares(input);
        for (var t = 0; t < input.Length; t++)
        {
            if (t + 1 < period)
            {
                upper[t] = middle[t] = lower[t] = double.NaN;
                continue;
            }

            var mean = s1.WindowMean(t, period);
            var sd = Math.Sqrt(RollingStd.Variance(s1, s2, t, period, sample: false));
            middle[t] = mean;
            upper[t] = mean + (k * sd);
            lower[t] = mean - (k * sd);
        }
    }
}
