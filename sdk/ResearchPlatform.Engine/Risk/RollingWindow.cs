namespace ResearchPlatform.Engine.Risk;

/// <summary>A fixed-capacity ring of doubles (oldest overwritten), no allocation after construction.</summary>
internal sealed class RollingWindow
{
    private readonly double[] _values;
    private int _next;

    public RollingWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => _values.Length;

    /// <summary>The i-th oldest value held (0 = oldest).</summary>
    public double this[int i] => _values[(_next - Count + i + _values.Length) % _values.Length];

    public void Add(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        if (Count < _values.Length)
        {
            Count++;
        }
    }

    /// <summary>Sample mean and standard deviation; NaN stdev below 2 values.</summary>
    public (double Mean, double StdDev) MeanStdDev()
    {
        if (Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            sum += _values[i];
        }

        var mean = sum / Count;
        if (Count < 2)
        {
            return (mean, double.NaN);
        }

        var ss = 0.0;
        for (var i = 0; i < Count; i++)
        {
            var d = _values[i] - mean;
            ss += d * d;
        }

        return (mean, Math.Sqrt(ss / (Count - 1)));
    }
}
