using System.Globalization;

namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>
/// Reads bars from delimited text: Binance kline CSV (with or without header; open time in s/ms/µs), generic OHLCV CSV
/// with a header in any column order and case (including pandas' <c>,Open,High,...</c> with a date index), and headerless
/// <c>time,o,h,l,c,v</c> files such as QuantConnect's <c>yyyyMMdd HH:mm,...</c>. The delimiter (, ; tab |) is taken from the
/// first line. Every record's line number is kept for error messages; bad records are reported, not skipped silently.
/// </summary>
internal static class DelimitedBarParser
{
    private const int MaxFields = 64;

    /// <summary>Parses the text; <paramref name="detected"/> is <see cref="BarFileFormat.Binance"/> or <see cref="BarFileFormat.Csv"/>.</summary>
    public static RawBars Parse(TextReader reader, string path, BarFileFormat requested, out BarFileFormat detected, CancellationToken ct)
    {
        var raw = new RawBars(path, RecordLocationKind.Line, 4096);
        var ranges = new Range[MaxFields];
        var layout = ReadLayout(reader, path, ranges);
        detected = DetectFormat(requested, layout.Headerless, layout.FirstFields, layout.FieldCount);
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        var intervals = new HashSet<string>(StringComparer.Ordinal);
        var state = new RowState(layout.Map, layout.Delimiter, ranges);
        var dataLine = layout.Headerless ? layout.FirstLineNumber : layout.FirstLineNumber + 1;
        var line = layout.Headerless ? layout.FirstLine : reader.ReadLine();
        while (line is not null)
        {
            if ((dataLine & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (!line.AsSpan().Trim().IsEmpty)
            {
                ParseRow(line, dataLine, raw, state, symbols, intervals);
            }

            line = reader.ReadLine();
            dataLine++;
        }

        raw.SymbolHint = symbols.Count == 1 ? symbols.First() : null;
        raw.IntervalHint = intervals.Count == 1 ? intervals.First() : null;
        return raw;
    }

    /// <summary>Reads the first non-blank line and decides delimiter, header or not, and the column map.</summary>
    private static Layout ReadLayout(TextReader reader, string path, Range[] ranges)
    {
        var lineNo = 0;
        string? first;
        do
        {
            first = reader.ReadLine();
            lineNo++;
        }
        while (first is not null && first.AsSpan().Trim().IsEmpty);

        if (first is null)
        {
            throw new DataValidationException(path, "file is empty (no bars)");
        }

        var delimiter = DelimitedLine.DetectDelimiter(first);
        var n = DelimitedLine.Split(first, delimiter, ranges);
        var fields = Fields(first, ranges, Math.Min(n, MaxFields));
        if (!IsDataRow(fields))
        {
            var map = BarColumnMap.FromHeader(fields, out var problem) ?? throw new DataValidationException(path, lineNo, problem);
            return new Layout(lineNo, first, delimiter, fields, n, Headerless: false, map);
        }

        if (n < 6)
        {
            throw new DataValidationException(path, lineNo, $"expected at least 6 fields (time, open, high, low, close, volume) without a header, found {n}");
        }

        return new Layout(lineNo, first, delimiter, fields, n, Headerless: true, BarColumnMap.Positional());
    }

    private static void ParseRow(string line, int lineNo, RawBars raw, RowState s, HashSet<string> symbols, HashSet<string> intervals)
    {
        var span = line.AsSpan();
        var count = DelimitedLine.Split(span, s.Delimiter, s.Ranges);
        var map = s.Map;
        if (count <= map.MaxIndex)
        {
            raw.AddError(lineNo, raw.Count, $"expected at least {map.MaxIndex + 1} fields, found {count}");
            return;
        }

        var timeText = span[s.Ranges[map.Time]];
        string? combined = null;
        if (s.Time is null)
        {
            s.InitTime(span, timeText);
        }

        if (s.CombineClock)
        {
            combined = string.Concat(timeText, " ", span[s.Ranges[map.ClockTime]]);
            timeText = combined;
        }

        if (!s.Time!.TryParse(timeText, out var ms, out var timeError))
        {
            raw.AddError(lineNo, raw.Count, timeError);
            return;
        }

        if (!TryNumber(span[s.Ranges[map.Open]], "open", out var o, out var err)
            || !TryNumber(span[s.Ranges[map.High]], "high", out var h, out err)
            || !TryNumber(span[s.Ranges[map.Low]], "low", out var l, out err)
            || !TryNumber(span[s.Ranges[map.Close]], "close", out var c, out err)
            || !TryNumber(span[s.Ranges[map.Volume]], "volume", out var v, out err))
        {
            raw.AddError(lineNo, raw.Count, err);
            return;
        }

        if (map.Symbol >= 0 && map.Symbol < count && symbols.Count < 2)
        {
            symbols.Add(span[s.Ranges[map.Symbol]].ToString());
        }

        if (map.Interval >= 0 && map.Interval < count && intervals.Count < 2)
        {
            intervals.Add(span[s.Ranges[map.Interval]].ToString());
        }

        raw.Add(ms, o, h, l, c, v, lineNo);
    }

    private static bool TryNumber(ReadOnlySpan<char> text, string field, out double value, out string error)
    {
        if (text.IsEmpty)
        {
            value = 0;
            error = $"{field} is empty";
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = string.Empty;
            return true;
        }

        error = $"{field} '{text.ToString()}' is not a number";
        return false;
    }

    private static List<string> Fields(string line, Range[] ranges, int count)
    {
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(line[ranges[i]]);
        }

        return list;
    }

    /// <summary>A first line is data (no header) when it starts with a timestamp followed by four numbers.</summary>
    private static bool IsDataRow(List<string> fields)
    {
        if (fields.Count < 5 || !TimestampText.IsTimestamp(fields[0]))
        {
            return false;
        }

        for (var i = 1; i <= 4; i++)
        {
            if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static BarFileFormat DetectFormat(BarFileFormat requested, bool headerless, List<string> fields, int fieldCount)
    {
        if (requested is BarFileFormat.Binance or BarFileFormat.Csv)
        {
            return requested;
        }

        var binance = headerless
            ? fieldCount == 12 && TimestampText.ForSample(fields[0]).IsUnix
            : fields.Count >= 7 && BarColumnMap.Normalize(fields[0]) == "opentime" && fields.Select(BarColumnMap.Normalize).Contains("closetime");
        return binance ? BarFileFormat.Binance : BarFileFormat.Csv;
    }

    /// <summary>The shape of a delimited file, decided from its first non-blank line.</summary>
    private sealed record Layout(int FirstLineNumber, string FirstLine, char Delimiter, List<string> FirstFields, int FieldCount, bool Headerless, BarColumnMap Map);

    /// <summary>Per-file parsing state decided from the first data row.</summary>
    private sealed class RowState(BarColumnMap map, char delimiter, Range[] ranges)
    {
        public BarColumnMap Map { get; } = map;

        public char Delimiter { get; } = delimiter;

        public Range[] Ranges { get; } = ranges;

        public TimestampText? Time { get; private set; }

        public bool CombineClock { get; private set; }

        public void InitTime(ReadOnlySpan<char> line, ReadOnlySpan<char> timeText)
        {
            if (Map.ClockTime >= 0)
            {
                var clock = line[Ranges[Map.ClockTime]];
                CombineClock = clock.Length is >= 4 and <= 8 && clock.Contains(':');
            }

            Time = TimestampText.ForSample(timeText);
        }
    }
}
