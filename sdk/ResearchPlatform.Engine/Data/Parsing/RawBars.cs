namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>
/// Parsed but not yet validated bars in file order, as growable columns, with each record's line (or row) number and the
/// errors met while parsing. Filled by the format parsers, consumed by <see cref="Validation.BarSetValidator"/>.
/// </summary>
internal sealed class RawBars
{
    private const int MaxKeptErrors = 200;
    private readonly List<DataError> _errors = [];

    public RawBars(string path, RecordLocationKind locationKind, int capacity = 1024)
    {
        FilePath = path;
        LocationKind = locationKind;
        capacity = Math.Max(16, capacity);
        Times = new long[capacity];
        Open = new double[capacity];
        High = new double[capacity];
        Low = new double[capacity];
        Close = new double[capacity];
        Volume = new double[capacity];
        Lines = new int[capacity];
        Ordinals = new int[capacity];
    }

    public string FilePath { get; }

    public RecordLocationKind LocationKind { get; }

    public long[] Times { get; private set; }

    public double[] Open { get; private set; }

    public double[] High { get; private set; }

    public double[] Low { get; private set; }

    public double[] Close { get; private set; }

    public double[] Volume { get; private set; }

    public int[] Lines { get; private set; }

    /// <summary>Each record's 0-based position among all records of the file (including records that failed to parse).</summary>
    public int[] Ordinals { get; private set; }

    public int Count { get; private set; }

    /// <summary>Symbol found inside the file (a single-valued <c>symbol</c> column), if any.</summary>
    public string? SymbolHint { get; set; }

    /// <summary>Interval found inside the file (a single-valued <c>interval</c> column), if any.</summary>
    public string? IntervalHint { get; set; }

    /// <summary>Errors found while parsing (bounded), in file order.</summary>
    public IReadOnlyList<DataError> Errors => _errors;

    /// <summary>Total parse errors, including those not kept.</summary>
    public int ErrorCount { get; private set; }

    public void Add(long timeMs, double open, double high, double low, double close, double volume, int line)
    {
        if (Count == Times.Length)
        {
            Grow();
        }

        var i = Count++;
        Times[i] = timeMs;
        Open[i] = open;
        High[i] = high;
        Low[i] = low;
        Close[i] = close;
        Volume[i] = volume;
        Lines[i] = line;
        Ordinals[i] = i + ErrorCount;
    }

    /// <summary>Records a problem with the record at <paramref name="line"/> (index <paramref name="recordIndex"/> in file order).</summary>
    public void AddError(int line, int recordIndex, string message)
    {
        ErrorCount++;
        if (_errors.Count < MaxKeptErrors)
        {
            _errors.Add(new DataError(Describe(line, recordIndex), line, message));
        }
    }

    /// <summary>The location text of the parsed record at <paramref name="i"/>.</summary>
    public string DescribeRecord(int i) => Describe(Lines[i], Ordinals[i]);

    /// <summary>The location text of record <paramref name="recordIndex"/> (file order) on <paramref name="line"/>.</summary>
    public string Describe(int line, int recordIndex) => LocationKind switch
    {
        RecordLocationKind.JsonBar => $"{FilePath}:{line}: bar #{recordIndex + 1}",
        RecordLocationKind.Row => $"{FilePath}: row {line}",
        _ => $"{FilePath}:{line}",
    };

    private void Grow()
    {
        var n = Times.Length * 2;
        Times = Resize(Times, n);
        Open = Resize(Open, n);
        High = Resize(High, n);
        Low = Resize(Low, n);
        Close = Resize(Close, n);
        Volume = Resize(Volume, n);
        Lines = Resize(Lines, n);
        Ordinals = Resize(Ordinals, n);
    }

    private static T[] Resize<T>(T[] a, int n)
    {
        var b = new T[n];
        Array.Copy(a, b, a.Length);
        return b;
    }
}
