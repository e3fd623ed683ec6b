namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Incremental exponential moving average with smoothing <c>alpha = 2 / (n + 1)</c>, seeded with the simple average
/// of the first n values (the TA-Lib / StockCharts convention): NaN for the first n - 1 values, then
/// <c>ema += alpha * (x - ema)</c>.
/// </summary>
public struct EmaState
{
    private readonly int _period;
    private readonly double _alpha;
    private int _seen;
    private double _sum;
    private double _value;

    /// <summary>Creates the state for period <paramref name="period"/> (&gt;= 1).</summary>
    public EmaState(int period)
    {
        IndicatorGuard.Period(period);
        _period = period;
        _alpha = 2.0 / (period + 1);
        _seen = 0;
        _sum = 0;
        _value = double.NaN;
    }

    /// <summary>The current value (NaN during warm-up).</summary>
    public readonly double Value => _value;

    /// <summary>Adds the next input and returns the new value (NaN during warm-up).</summary>
    public double Next(double x)
    {
        if (_seen < _period)
        {
            _seen++;
            _sum += x;
            if (_seen == _period)
            {
                _value = _sum / _period;
            }

            return _value;
        }

        _value += _alpha * (x - _value);
        return _value;
    }
}
