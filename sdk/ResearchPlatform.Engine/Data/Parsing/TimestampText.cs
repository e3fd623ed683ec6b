using System.Globalization;

namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>
/// Parses the timestamp column of text files. The kind (Unix number or calendar text) is decided once per column from its
/// first value; calendar text accepts ISO-8601 (<c>2024-01-02T03:04:05Z</c>, with space or T, optional seconds, fraction
/// and offset), <c>yyyyMMdd HH:mm[:ss]</c> (QuantConnect), <c>yyyyMMdd</c>, <c>yyyy-MM-dd</c> and <c>yyyy/MM/dd[ HH:mm[:ss]]</c>.
/// Text without an offset is UTC; text with an offset is converted to UTC.
/// </summary>
internal sealed class TimestampText
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
        "yyyyMMdd HH:mm",
        "yyyyMMdd HH:mm:ss",
        "yyyyMMdd'T'HHmmss",
        "yyyyMMdd",
        "yyyy/MM/dd HH:mm:ss",
        "yyyy/MM/dd HH:mm",
        "yyyy/MM/dd",
    ];

    private int _hint;

    private TimestampText(bool isUnix)
    {
        IsUnix = isUnix;
    }

    /// <summary>True when the column holds Unix numbers rather than calendar text.</summary>
    public bool IsUnix { get; }

    /// <summary>Decides the column kind from its first value.</summary>
    public static TimestampText ForSample(ReadOnlySpan<char> sample) => new(LooksUnix(sample));

    /// <summary>Whether <paramref name="text"/> can be read as a timestamp at all (used to tell data rows from headers).</summary>
    public static bool IsTimestamp(ReadOnlySpan<char> text) => ForSample(text).TryParse(text, out _, out _);

    /// <summary>Parses one value to Unix milliseconds (UTC).</summary>
    public bool TryParse(ReadOnlySpan<char> text, out long ms, out string error)
    {
        if (text.IsEmpty)
        {
            ms = 0;
            error = "timestamp is empty";
            return false;
        }

        if (IsUnix)
        {
            return UnixTime.TryParse(text, out ms, out error);
        }

        if (TryParseCalendar(text, _hint, out ms))
        {
            error = string.Empty;
            return true;
        }

        for (var i = 0; i < Formats.Length; i++)
        {
            if (i != _hint && TryParseCalendar(text, i, out ms))
            {
                _hint = i;
                error = string.Empty;
                return true;
            }
        }

        error = $"'{text.ToString()}' is not a date/time (expected ISO-8601, yyyyMMdd HH:mm, or a Unix timestamp)";
        return false;
    }

    private static bool TryParseCalendar(ReadOnlySpan<char> text, int format, out long ms)
    {
        if (DateTimeOffset.TryParseExact(text, Formats[format], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            ms = value.ToUnixTimeMilliseconds();
            return true;
        }

        ms = 0;
        return false;
    }

    private static bool LooksUnix(ReadOnlySpan<char> text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        // Eight digits is a calendar date (yyyyMMdd) when it is one; as Unix seconds it would be 1970..1973.
        return !(text.Length == 8 && DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                 && d.Year is >= 1900 and <= 2200);
    }
}
