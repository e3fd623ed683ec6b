namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Exponentially weighted mean and variance (<c>alpha</c> per sample); a value whose distance from the mean exceeds
/// <c>threshold</c> standard deviations is anomalous. The state is updated after scoring, so a spike is judged against
/// the history before it. Cheap (O(1)) and tracks slow drifts without flagging them.
/// </summary>
public sealed class EwmaDetector(double alpha, double threshold, int warmup = 10)
{
    private double _mean;
    private double _variance;
    private int _count;

    /// <summary>The z-score of <paramref name="value"/>, or null while warming up; then updates the state.</summary>
    public double? Score(double value)
    {
        double? z = null;
        if (_count == 0)
        {
            _mean = value;
        }
        else if (_count >= warmup)
        {
            var sd = Math.Sqrt(_variance);
            z = (value - _mean) / Math.Max(sd, Math.Max(Math.Abs(_mean) * 1e-9, 1e-12));
        }

        if (_count > 0)
        {
            var diff = value - _mean;
            var incr = alpha * diff;
            _mean += incr;
            _variance = (1 - alpha) * (_variance + diff * incr);
        }

        _count++;
        return z;
    }

    /// <summary>True when the score's magnitude reaches the threshold.</summary>
    public bool IsAnomaly(double? z) => z is { } v && Math.Abs(v) >= threshold;
}
