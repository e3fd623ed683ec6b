using System.Globalization;
using ResearchPlatform.Engine.Data.Parsing;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data.Validation;

/// <summary>
/// Validates parsed bars exactly as the import contract says, reporting every violation as <c>file:line: what</c>:
/// prices finite and &gt; 0; volume finite and &gt;= 0; high &gt;= max(open, close); low &lt;= min(open, close); after
/// sorting by time, exact duplicates are dropped and duplicates with different values are errors; every open time lies
/// on the interval grid; a given interval must match the data's most common spacing. Any error fails the whole file.
/// </summary>
internal static class BarSetValidator
{
    public static ValidatedBars Validate(RawBars raw, BarInterval? interval)
    {
        var sink = new ErrorSink(raw);
        if (raw.Count == 0 && sink.Total == 0)
        {
            throw new DataValidationException(raw.FilePath, "file contains no bars");
        }

        for (var i = 0; i < raw.Count; i++)
        {
            var problem = RowProblem(raw.Open[i], raw.High[i], raw.Low[i], raw.Close[i], raw.Volume[i]);
            if (problem is not null)
            {
                sink.Fail(i, problem);
            }
        }

        var keep = SortAndDeduplicate(raw, sink, out var duplicates);
        var times = keep.Select(i => raw.Times[i]).ToArray();
        BarInterval? resolved = interval;
        var inferred = false;
        if (raw.ErrorCount == 0)
        {
            // Records that failed to parse would distort the spacing: interval checks wait until the file parses.
            (resolved, inferred) = CheckInterval(raw, keep, times, interval, sink);
        }

        if (sink.Total > 0)
        {
            throw new DataValidationException(raw.FilePath, sink.Errors.OrderBy(e => e.Line).ToList(), sink.Total);
        }

        return new ValidatedBars(
            times,
            Gather(raw.Open, keep),
            Gather(raw.High, keep),
            Gather(raw.Low, keep),
            Gather(raw.Close, keep),
            Gather(raw.Volume, keep),
            resolved!.Value,
            inferred,
            duplicates);
    }

    /// <summary>Record indexes in time order without repeats: exact repeats are dropped, differing ones reported.</summary>
    private static List<int> SortAndDeduplicate(RawBars raw, ErrorSink sink, out int duplicates)
    {
        var keep = new List<int>(raw.Count);
        duplicates = 0;
        foreach (var i in SortedOrder(raw))
        {
            if (keep.Count > 0 && raw.Times[keep[^1]] == raw.Times[i])
            {
                var first = keep[^1];
                var diff = Difference(raw, first, i);
                if (diff is not null)
                {
                    sink.Fail(i, $"open time {Iso(raw.Times[i])} duplicates {raw.DescribeRecord(first)} with different values ({diff})");
                }

                duplicates++;
                continue;
            }

            keep.Add(i);
        }

        return keep;
    }

    /// <summary>The first problem with one bar's values, or null when they are valid.</summary>
    internal static string? RowProblem(double open, double high, double low, double close, double volume)
    {
        var price = PriceProblem("open", open) ?? PriceProblem("high", high) ?? PriceProblem("low", low) ?? PriceProblem("close", close);
        if (price is not null)
        {
            return price;
        }

        if (!double.IsFinite(volume))
        {
            return $"volume {F(volume)} is not a finite number";
        }

        if (volume < 0)
        {
            return $"volume {F(volume)} is negative";
        }

        if (high < Math.Max(open, close))
        {
            return $"high {F(high)} is below max(open, close) = {F(Math.Max(open, close))}";
        }

        return low > Math.Min(open, close) ? $"low {F(low)} is above min(open, close) = {F(Math.Min(open, close))}" : null;
    }

    private static string? PriceProblem(string name, double v) =>
        !double.IsFinite(v) ? $"{name} {F(v)} is not a finite number" : v <= 0 ? $"{name} {F(v)} must be > 0" : null;

    /// <summary>
    /// Resolves the interval (given, or the most common spacing) and checks every open time against its grid. A given
    /// interval the data does not follow (most spacings a larger multiple of it, or off-grid bars while most spacings
    /// agree on another value) is reported with the spacing found.
    /// </summary>
    private static (BarInterval? Interval, bool Inferred) CheckInterval(RawBars raw, List<int> keep, long[] times, BarInterval? given, ErrorSink sink)
    {
        var (delta, occurrences, pairs) = IntervalInference.MostCommonDelta(times);
        var dominant = pairs > 0 && occurrences * 2 >= pairs && IsWholeSeconds(delta);
        var found = dominant ? BarInterval.FromDuration(TimeSpan.FromMilliseconds(delta)) : (BarInterval?)null;
        if (given is not { } interval)
        {
            if (pairs == 0)
            {
                sink.FileError("cannot infer the interval from fewer than 2 distinct bars; pass the interval explicitly");
                return (null, false);
            }

            if (!IsWholeSeconds(delta))
            {
                sink.FileError($"cannot infer the interval: the most common spacing is {delta} ms, not a whole number of seconds");
                return (null, false);
            }

            interval = BarInterval.FromDuration(TimeSpan.FromMilliseconds(delta));
        }

        var before = sink.Total;
        CheckGrid(raw, keep, interval, sink);
        var offGrid = sink.Total > before;
        if (given is null && offGrid)
        {
            sink.FileError(
                $"the interval was inferred as {interval} from the most common spacing ({occurrences} of {pairs}) but bars are irregular; " +
                "calendar-month bars are not supported, and a wrong inference can be overridden with an explicit interval");
        }
        else if (given is not null && found is { } f && f != interval && (offGrid || f.Milliseconds % interval.Milliseconds == 0))
        {
            sink.FileError(
                $"interval {interval} does not match the data: the most common spacing between bars is {f} ({occurrences} of {pairs}); use {f} or let the interval be inferred");
        }

        return (interval, given is null);
    }

    private static bool IsWholeSeconds(long ms) => ms % 1000 == 0;

    private static void CheckGrid(RawBars raw, List<int> keep, BarInterval interval, ErrorSink sink)
    {
        if (keep.Count == 0)
        {
            return;
        }

        var step = interval.Milliseconds;
        var anchor = BarGrid.FixedAnchor(interval) ?? raw.Times[keep[0]];
        foreach (var i in keep)
        {
            var offset = (raw.Times[i] - anchor) % step;
            if (offset != 0)
            {
                sink.Fail(i, $"open time {Iso(raw.Times[i])} is not on the {interval} grid (bars open at {BarGrid.Describe(interval)})");
            }
        }
    }

    private static int[] SortedOrder(RawBars raw)
    {
        var order = new int[raw.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var sorted = true;
        for (var i = 1; i < raw.Count && sorted; i++)
        {
            sorted = raw.Times[i] >= raw.Times[i - 1];
        }

        if (!sorted)
        {
            // Stable by file order: the earlier record of a duplicate pair is kept and the later one reported.
            var keys = raw.Times.AsSpan(0, raw.Count).ToArray();
            Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        }

        return order;
    }

    private static string? Difference(RawBars raw, int a, int b)
    {
        var parts = new List<string>();
        Compare(parts, "open", raw.Open[a], raw.Open[b]);
        Compare(parts, "high", raw.High[a], raw.High[b]);
        Compare(parts, "low", raw.Low[a], raw.Low[b]);
        Compare(parts, "close", raw.Close[a], raw.Close[b]);
        Compare(parts, "volume", raw.Volume[a], raw.Volume[b]);
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static void Compare(List<string> parts, string name, double a, double b)
    {
        if (!a.Equals(b))
        {
            parts.Add($"{name} {F(a)} vs {F(b)}");
        }
    }

    private static double[] Gather(double[] source, List<int> keep)
    {
        var result = new double[keep.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = source[keep[i]];
        }

        return result;
    }

    internal static string Iso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Collects validation errors (a bounded list plus the total count).</summary>
    private sealed class ErrorSink(RawBars raw)
    {
        private const int MaxErrors = 200;
        private readonly List<DataError> _errors = [.. raw.Errors];

        public IReadOnlyList<DataError> Errors => _errors;

        public int Total { get; private set; } = raw.ErrorCount;

        public void Fail(int record, string message) => Add(new DataError(raw.DescribeRecord(record), raw.Lines[record], message));

        public void FileError(string message) => Add(new DataError(raw.FilePath, 0, message));

        private void Add(DataError error)
        {
            Total++;
            if (_errors.Count < MaxErrors)
            {
                _errors.Add(error);
            }
        }
    }
}
