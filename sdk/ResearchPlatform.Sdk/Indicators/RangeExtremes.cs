namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Range maximum/minimum queries in O(1) after an O(n log n) build (a sparse table): the batch form of rolling
/// max/min that serves every window length at once (Donchian channels for many periods).
/// </summary>
public sealed class RangeExtremes
{
    private readonly double[][] _max;
    private readonly double[][] _min;

    /// <summary>Builds the tables for maxima of <paramref name="maxSource"/> and minima of <paramref name="minSource"/>.</summary>
    public RangeExtremes(ReadOnlySpan<double> maxSource, ReadOnlySpan<double> minSource)
    {
        if (maxSource.Length != minSource.Length)
        {
            throw new ArgumentException($"lengths differ ({maxSource.Length} vs {minSource.Length})", nameof(minSource));
        }

        var n = maxSource.Length;
        var levels = 1;
        while ((1 << levels) <= n)
        {
            levels++;
        }

        _max = new double[levels][];
        _min = new double[levels][];
        _max[0] = maxSource.ToArray();
        _min[0] = minSource.ToArray();
        for (var k = 1; k < levels; k++)
        {
            var half = 1 << (k - 1);
            var len = n - (1 << k) + 1;
            var mx = new double[Math.Max(len, 0)];
            var mn = new double[mx.Length];
            var pmx = _max[k - 1];
            var pmn = _min[k - 1];
            for (var i = 0; i < mx.Length; i++)
            {
                mx[i] = Math.Max(pmx[i], pmx[i + half]);
                mn[i] = Math.Min(pmn[i], pmn[i + half]);
            }

            _max[k] = mx;
            _min[k] = mn;
        }
    }

    /// <summary>Number of values.</summary>
    public int Count => _max[0].Length;

    /// <summary>
    /// The sparse-table rows serving windows of <paramref name="length"/>: for a window [start, end],
    /// max = max(Max[start], Max[end - Span + 1]) and min likewise (what <see cref="Max"/> and <see cref="Min"/> do), so a
    /// caller with a fixed window length can hoist the level lookup out of its loop.
    /// </summary>
    public (double[] Max, double[] Min, int Span) Level(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var k = 31 - int.LeadingZeroCount(length);
        return (_max[k], _min[k], 1 << k);
    }

    /// <summary>Maximum over [end - length + 1, end]; the window must lie inside the series.</summary>
    public double Max(int end, int length)
    {
        var start = end - length + 1;
        var k = 31 - int.LeadingZeroCount(length);
        var row = _max[k];
        return Math.Max(row[start], row[end - (1 << k) + 1]);
    }

    /// <summary>Minimum over [end - length + 1, end]; the window must lie inside the series.</summary>
    public double Min(int end, int length)
    {
        var start = end - length + 1;
        var k = 31 - int.LeadingZeroCount(length);
        var row = _min[k];
        return Math.Min(row[start], row[end - (1 << k) + 1]);
    }
}
