namespace ResearchPlatform.Sdk.Data;

/// <summary>
/// One symbol at one interval as columnar arrays: bar open times (Unix milliseconds, UTC) and OHLCV.
/// Arrays are owned by the series and must not be mutated by consumers; all have <see cref="Count"/> elements,
/// times strictly increasing. This is the unit the research engines (indicators, seeds, backtests) work on.
/// </summary>
public sealed class BarSeries
{
    /// <summary>Creates a series, checking that every column has the same length and times increase.</summary>
    public BarSeries(string symbol, BarInterval interval, long[] openTimesMs, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(openTimesMs);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(close);
        ArgumentNullException.ThrowIfNull(volume);
        var n = openTimesMs.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n)
        {
            throw new ArgumentException(
                $"BarSeries {symbol} {interval}: column lengths differ (time {n}, open {open.Length}, high {high.Length}, low {low.Length}, close {close.Length}, volume {volume.Length})");
        }

        for (var i = 1; i < n; i++)
        {
            if (openTimesMs[i] <= openTimesMs[i - 1])
            {
                throw new ArgumentException($"BarSeries {symbol} {interval}: open times must strictly increase (index {i})");
            }
        }

        Symbol = symbol;
        Interval = interval;
        OpenTimesMs = openTimesMs;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    /// <summary>The symbol, e.g. "BTC/USDT".</summary>
    public string Symbol { get; }

    /// <summary>The bar interval.</summary>
    public BarInterval Interval { get; }

    /// <summary>Bar open times, Unix epoch milliseconds, UTC.</summary>
    public long[] OpenTimesMs { get; }

    /// <summary>Open prices.</summary>
    public double[] Open { get; }

    /// <summary>High prices.</summary>
    public double[] High { get; }

    /// <summary>Low prices.</summary>
    public double[] Low { get; }

    /// <summary>Close prices.</summary>
    public double[] Close { get; }

    /// <summary>Volumes (base units).</summary>
    public double[] Volume { get; }

    /// <summary>Number of bars.</summary>
    public int Count => OpenTimesMs.Length;

    /// <summary>The open time of bar <paramref name="index"/> as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset TimeAt(int index) => DateTimeOffset.FromUnixTimeMilliseconds(OpenTimesMs[index]);

    /// <summary>A copy of bars [start, start+length).</summary>
    public BarSeries Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (start + length > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"slice [{start}, {start + length}) exceeds {Count} bars");
        }

        return new BarSeries(
            Symbol,
            Interval,
            OpenTimesMs.AsSpan(start, length).ToArray(),
            Open.AsSpan(start, length).ToArray(),
            High.AsSpan(start, length).ToArray(),
            Low.AsSpan(start, length).ToArray(),
            Close.AsSpan(start, length).ToArray(),
            Volume.AsSpan(start, length).ToArray());
    }

    /// <summary>The bars whose open time lies in [from, to) (either bound optional).</summary>
    public BarSeries Between(DateTimeOffset? from, DateTimeOffset? to)
    {
        var lo = from is { } f ? LowerBound(f.ToUnixTimeMilliseconds()) : 0;
        var hi = to is { } t ? LowerBound(t.ToUnixTimeMilliseconds()) : Count;
        return Slice(lo, Math.Max(0, hi - lo));
    }

    /// <summary>The first index whose open time is at or after <paramref name="timeMs"/>.</summary>
    public int LowerBound(long timeMs)
    {
        var idx = Array.BinarySearch(OpenTimesMs, timeMs);
        return idx >= 0 ? idx : ~idx;
    }
}
