namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Rolling robust z-score: z = (x - median) / (1.4826 * MAD) over the previous <c>window</c> values. Robust to the
/// outliers it is looking for (a spike does not inflate the scale the way it inflates a standard deviation). A flat
/// history (MAD 0) uses 1e-9 of the median's magnitude as the scale floor, so any change from a constant is flagged.
/// </summary>
public sealed class RobustZScoreDetector(int window, double threshold, int minSamples = 10)
{
    private readonly double[] _ring = new double[window];
    private readonly double[] _scratch = new double[window];
    private int _count;
    private int _next;

    /// <summary>The z-score of <paramref name="value"/> against the history, or null while warming up; then adds it.</summary>
    public double? Score(double value)
    {
        double? z = null;
        if (_count >= minSamples)
        {
            var n = _count;
            Array.Copy(_ring, _scratch, n);
            var median = Median(_scratch.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                _scratch[i] = Math.Abs(_ring[i] - median);
            }

            var mad = Median(_scratch.AsSpan(0, n));
            var scale = Math.Max(1.4826 * mad, Math.Max(Math.Abs(median) * 1e-9, 1e-12));
            z = (value - median) / scale;
        }

        _ring[_next] = value;
        _next = (_next + 1) % window;
        _count = Math.Min(_count + 1, window);
        return z;
    }

    /// <summary>True when the score's magnitude reaches the threshold.</summary>
    public bool IsAnomaly(double? z) => z is { } v && Math.Abs(v) >= threshold;

    private static double Median(Span<double> values)
    {
        values.Sort();
        var m = values.Length / 2;
        return values.Length % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
    }
}
