using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>
/// A streaming-free, allocation-light reader of freqtrade's OHLCV JSON (<c>[[open_time_ms,o,h,l,c,v],...]</c>): one pass
/// over the bytes that tracks line numbers, so a bad bar is reported as <c>file:line: bar #n</c>. Numbers may be JSON
/// numbers or numeric strings; Python's <c>NaN</c>/<c>Infinity</c> are read (and later rejected by validation).
/// Values after the sixth in a bar are ignored.
/// </summary>
internal ref struct FreqtradeJsonParser
{
    private readonly ReadOnlySpan<byte> _s;
    private readonly string _path;
    private int _pos;
    private int _line;
    private int _lineStart;

    private FreqtradeJsonParser(ReadOnlySpan<byte> utf8, string path)
    {
        _s = utf8;
        _path = path;
        _line = 1;
        // Skip a UTF-8 byte order mark.
        _pos = utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
    }

    /// <summary>Parses the whole document.</summary>
    public static RawBars Parse(ReadOnlySpan<byte> utf8, string path, CancellationToken ct)
    {
        var parser = new FreqtradeJsonParser(utf8, path);
        return parser.ParseDocument(ct);
    }

    private RawBars ParseDocument(CancellationToken ct)
    {
        var raw = new RawBars(_path, RecordLocationKind.JsonBar, Math.Max(1024, _s.Length / 60));
        SkipWs();
        Expect((byte)'[', "expected '[' starting the array of bars (is this freqtrade JSON?)");
        SkipWs();
        if (Peek() == ']')
        {
            _pos++;
            ExpectEnd();
            return raw;
        }

        Span<double> values = stackalloc double[6];
        while (true)
        {
            if ((raw.Count & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            ParseBar(raw, values);
            SkipWs();
            var c = Peek();
            _pos++;
            if (c == ']')
            {
                break;
            }

            if (c != ',')
            {
                throw Structural(_pos - 1, "expected ',' or ']' after a bar");
            }

            SkipWs();
        }

        ExpectEnd();
        return raw;
    }

    private void ParseBar(RawBars raw, scoped Span<double> values)
    {
        var line = _line;
        var index = raw.Count + raw.ErrorCount;
        Expect((byte)'[', "expected '[' starting a bar");
        var n = 0;
        string? error = null;
        while (true)
        {
            SkipWs();
            if (Peek() == ']' && n == 0)
            {
                _pos++;
                break;
            }

            var token = ReadToken(out var quoted);
            if (n < 6 && error is null)
            {
                if (!TryNumber(token, quoted, out values[n]))
                {
                    error = $"{FieldName(n)} '{Encoding.UTF8.GetString(token)}' is not a number";
                }
            }

            n++;
            SkipWs();
            var c = Peek();
            _pos++;
            if (c == ']')
            {
                break;
            }

            if (c != ',')
            {
                throw Structural(_pos - 1, "expected ',' or ']' inside a bar");
            }
        }

        if (error is null && n < 6)
        {
            error = $"a bar needs 6 values [open_time, open, high, low, close, volume], found {n}";
        }

        long ms = 0;
        if (error is null && !UnixTime.TryToMs(values[0], out ms, out var timeError))
        {
            error = "open_time: " + timeError;
        }

        if (error is not null)
        {
            raw.AddError(line, index, error);
            return;
        }

        raw.Add(ms, values[1], values[2], values[3], values[4], values[5], line);
    }

    private static string FieldName(int i) => i switch
    {
        0 => "open_time",
        1 => "open",
        2 => "high",
        3 => "low",
        4 => "close",
        _ => "volume",
    };

    private static bool TryNumber(ReadOnlySpan<byte> token, bool quoted, out double value)
    {
        if (!quoted && token.SequenceEqual("null"u8))
        {
            value = 0;
            return false;
        }

        if (Utf8Parser.TryParse(token, out value, out var consumed) && consumed == token.Length)
        {
            return true;
        }

        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private ReadOnlySpan<byte> ReadToken(out bool quoted)
    {
        quoted = Peek() == '"';
        if (quoted)
        {
            var startQ = ++_pos;
            while (_pos < _s.Length && _s[_pos] != '"' && _s[_pos] != '\n')
            {
                _pos++;
            }

            if (_pos >= _s.Length || _s[_pos] != '"')
            {
                throw Structural(startQ - 1, "unterminated string");
            }

            return _s[startQ.._pos++];
        }

        var start = _pos;
        while (_pos < _s.Length && _s[_pos] is not ((byte)',' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Structural(_pos, "expected a value");
        }

        return _s[start.._pos];
    }

    private void SkipWs()
    {
        while (_pos < _s.Length)
        {
            var c = _s[_pos];
            if (c == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
            else if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return;
            }

            _pos++;
        }
    }

    private readonly int Peek() => _pos < _s.Length ? _s[_pos] : -1;

    private void Expect(byte expected, string message)
    {
        if (Peek() != expected)
        {
            throw Structural(_pos, message);
        }

        _pos++;
    }

    private void ExpectEnd()
    {
        SkipWs();
        if (_pos < _s.Length)
        {
            throw Structural(_pos, "unexpected content after the array of bars");
        }
    }

    private readonly DataValidationException Structural(int pos, string message)
    {
        var found = pos < _s.Length ? $"'{(char)_s[pos]}'" : "end of file";
        var col = pos - _lineStart + 1;
        return new DataValidationException(_path, [new DataError($"{_path}:{_line}:{col}", _line, $"{message}, found {found}")], 1);
    }
}
