namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Wilder's smoothing (an EMA with <c>alpha = 1 / n</c>) seeded with the simple average of the first n values:
/// NaN for the first n - 1 inputs, then <c>avg = (avg * (n - 1) + x) / n</c> (computed as a product with 1 / n, so it
/// may differ from a division in the last bit). Used by RSI and ATR.
/// </summary>
public struct WilderAverage
{
    private readonly int _period;
    private readonly double _keep;
    private readonly double _inverse;
    private int _seen;
    private double _sum;
    private double _value;

    /// <summary>Creates the state for period <paramref name="period"/> (&gt;= 1).</summary>
    public WilderAverage(int period)
    {
        IndicatorGuard.Period(period);
        _period = period;
        _keep = period - 1;
        _inverse = 1.0 / period;
        _seen = 0;
        _sum = 0;
        _value = double.NaN;
    }

    /// <summary>The current value (NaN during warm-up).</summary>
    public readonly double Value => _value;

    /// <summary>Adds the next input and returns the smoothed value (NaN during warm-up).</summary>
    public double Next(double x)
    {
        if (_seen < _period)
        {
            _seen++;
            _sum += x;
            if (_seen == _period)
            {
                _value = _sum * _inverse;
            }

            return _value;
        }

        _value = ((_value * _keep) + x) * _inverse;
        return _value;
    }
}
