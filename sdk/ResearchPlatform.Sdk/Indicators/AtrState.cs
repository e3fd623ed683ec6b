namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Incremental Wilder average true range. True range: the first bar's is high - low; later
/// <c>max(high - low, |high - prevClose|, |low - prevClose|)</c>. ATR is the Wilder average of TR seeded with the
/// simple mean of the first n TRs (Wilder's and StockCharts' convention), so the first value is at index n - 1.
/// </summary>
public struct AtrState
{
    private WilderAverage _average;
    private double _previousClose;

    /// <summary>Creates the state for period <paramref name="period"/> (&gt;= 1).</summary>
    public AtrState(int period)
    {
        _average = new WilderAverage(period);
        _previousClose = double.NaN;
    }

    /// <summary>The current value (NaN during warm-up).</summary>
    public readonly double Value => _average.Value;

    /// <summary>True range of a bar given the previous close (NaN for the first bar: high - low is used).</summary>
    public static double TrueRange(double high, double low, double previousClose)
    {
        var range = high - low;
        if (double.IsNaN(previousClose))
        {
            return range;
        }

        return Math.Max(range, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));
    }

    /// <summary>Adds the next bar and returns the ATR (NaN during warm-up).</summary>
    public double Next(double high, double low, double close)
    {
        var tr = TrueRange(high, low, _previousClose);
        _previousClose = close;
        return _average.Next(tr);
    }
}
