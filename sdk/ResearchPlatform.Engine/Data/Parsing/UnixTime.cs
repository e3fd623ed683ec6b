using System.Globalization;

namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>
/// Converts Unix timestamps to milliseconds, choosing the unit by magnitude per value: below 1e11 seconds (years
/// 1970..5138), below 1e14 milliseconds, below 1e17 microseconds (Binance klines from 2025), else nanoseconds. A value
/// finer than a millisecond must be a whole number of milliseconds. (Milliseconds before 1973-03-03 would read as
/// seconds; no market data of interest is that old.)
/// </summary>
internal static class UnixTime
{
    private const long SecondsLimit = 100_000_000_000L;
    private const long MillisLimit = 100_000_000_000_000L;
    private const long MicrosLimit = 100_000_000_000_000_000L;

    /// <summary>Converts an integer timestamp; <paramref name="error"/> says why it cannot.</summary>
    public static bool TryToMs(long value, out long ms, out string error)
    {
        ms = 0;
        if (value < 0)
        {
            error = $"timestamp {value.ToString(CultureInfo.InvariantCulture)} is negative";
            return false;
        }

        if (value < SecondsLimit)
        {
            ms = value * 1000;
        }
        else if (value < MillisLimit)
        {
            ms = value;
        }
        else if (value < MicrosLimit)
        {
            if (value % 1000 != 0)
            {
                error = $"timestamp {value.ToString(CultureInfo.InvariantCulture)} (microseconds) is not a whole millisecond";
                return false;
            }

            ms = value / 1000;
        }
        else
        {
            if (value % 1_000_000 != 0)
            {
                error = $"timestamp {value.ToString(CultureInfo.InvariantCulture)} (nanoseconds) is not a whole millisecond";
                return false;
            }

            ms = value / 1_000_000;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Converts a possibly fractional timestamp (e.g. <c>1517443200.5</c> seconds or <c>1.5e12</c> ms).</summary>
    public static bool TryToMs(double value, out long ms, out string error)
    {
        ms = 0;
        if (!double.IsFinite(value))
        {
            error = $"timestamp {value.ToString(CultureInfo.InvariantCulture)} is not a finite number";
            return false;
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 9.0e18)
        {
            return TryToMs((long)value, out ms, out error);
        }

        if (value < 0)
        {
            error = $"timestamp {value.ToString(CultureInfo.InvariantCulture)} is negative";
            return false;
        }

        if (value < SecondsLimit)
        {
            var scaled = Math.Round(value * 1000.0, 3);
            if (scaled != Math.Floor(scaled))
            {
                error = $"timestamp {value.ToString(CultureInfo.InvariantCulture)} (seconds) is not a whole millisecond";
                return false;
            }

            ms = (long)scaled;
            error = string.Empty;
            return true;
        }

        error = $"timestamp {value.ToString(CultureInfo.InvariantCulture)} has a fraction finer than its unit";
        return false;
    }

    /// <summary>Parses a Unix timestamp written as text (integer, decimal or exponent form).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long ms, out string error)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return TryToMs(whole, out ms, out error);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return TryToMs(d, out ms, out error);
        }

        ms = 0;
        error = $"'{text.ToString()}' is not a Unix timestamp";
        return false;
    }
}
