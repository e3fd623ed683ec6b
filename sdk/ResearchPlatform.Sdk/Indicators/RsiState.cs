namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Incremental Wilder RSI: changes d = x[t] - x[t-1]; average gain and loss are Wilder averages
/// (<see cref="WilderAverage"/>) seeded with the simple mean of the first n changes, so the first value is at index n.
/// <c>RSI = 100 - 100 / (1 + avgGain / avgLoss)</c>, computed as <c>100 × avgGain / (avgGain + avgLoss)</c>; 100 when
/// avgLoss is 0 (50 when both are 0).
/// </summary>
public struct RsiState
{
    private WilderAverage _gain;
    private WilderAverage _loss;
    private double _previous;
    private bool _started;

    /// <summary>Creates the state for period <paramref name="period"/> (&gt;= 1).</summary>
    public RsiState(int period)
    {
        _gain = new WilderAverage(period);
        _loss = new WilderAverage(period);
        _previous = double.NaN;
        _started = false;
    }

    /// <summary>Adds the next input and returns RSI in [0, 100] (NaN during warm-up).</summary>
    public double Next(double x)
    {
        if (!_started)
        {
            _started = true;
            _previous = x;
            return double.NaN;
        }

        var d = x - _previous;
        _previous = x;
        var g = _gain.Next(Math.Max(d, 0));
        var l = _loss.Next(Math.Max(-d, 0));
        if (double.IsNaN(g))
        {
            return double.NaN;
        }

        if (l == 0)
        {
            return g == 0 ? 50 : 100;
        }

        return 100 * g / (g + l);
    }
}
