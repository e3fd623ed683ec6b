using System.Globalization;

namespace ResearchPlatform.Sdk.Data;

/// <summary>
/// A bar interval such as <c>1m</c>, <c>15m</c>, <c>1h</c>, <c>4h</c>, <c>1d</c>, <c>1w</c>.
/// Codes are canonical: minutes (m), hours (h), days (d), weeks (w); the duration is fixed.
/// </summary>
public readonly record struct BarInterval
{
    private BarInterval(string code, TimeSpan duration)
    {
        Code = code;
        Duration = duration;
    }

    /// <summary>The canonical code, e.g. "1h".</summary>
    public string Code { get; }

    /// <summary>The bar length.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The bar length in milliseconds.</summary>
    public long Milliseconds => (long)Duration.TotalMilliseconds;

    /// <summary>Parses "15m", "1h", "1d", "1w" (case-insensitive; "60m" normalises to "1h").</summary>
    public static BarInterval Parse(string text)
    {
        if (!TryParse(text, out var interval, out var error))
        {
            throw new FormatException(error);
        }

        return interval;
    }

    /// <summary>Tries to parse an interval code; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out BarInterval interval, out string error)
    {
        interval = default;
        var t = (text ?? string.Empty).Trim().ToLowerInvariant();
        if (t.Length < 2)
        {
            error = $"interval '{text}' is not valid (expected e.g. 1m, 15m, 1h, 4h, 1d, 1w)";
            return false;
        }

        var unit = t[^1];
        if (!int.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            error = $"interval '{text}' is not valid (expected e.g. 1m, 15m, 1h, 4h, 1d, 1w)";
            return false;
        }

        TimeSpan duration;
        switch (unit)
        {
            case 's': duration = TimeSpan.FromSeconds(n); break;
            case 'm': duration = TimeSpan.FromMinutes(n); break;
            case 'h': duration = TimeSpan.FromHours(n); break;
            case 'd': duration = TimeSpan.FromDays(n); break;
            case 'w': duration = TimeSpan.FromDays(7L * n); break;
            default:
                error = $"interval '{text}' has unknown unit '{unit}' (use s, m, h, d or w)";
                return false;
        }

        interval = FromDuration(duration);
        error = string.Empty;
        return true;
    }

    /// <summary>The interval for a duration, with its canonical code (largest whole unit).</summary>
    public static BarInterval FromDuration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "interval must be positive");
        }

        var ms = (long)duration.TotalMilliseconds;
        string code;
        if (ms % (7 * 86_400_000L) == 0)
        {
            code = (ms / (7 * 86_400_000L)).ToString(CultureInfo.InvariantCulture) + "w";
        }
        else if (ms % 86_400_000L == 0)
        {
            code = (ms / 86_400_000L).ToString(CultureInfo.InvariantCulture) + "d";
        }
        else if (ms % 3_600_000L == 0)
        {
            code = (ms / 3_600_000L).ToString(CultureInfo.InvariantCulture) + "h";
        }
        else if (ms % 60_000L == 0)
        {
            code = (ms / 60_000L).ToString(CultureInfo.InvariantCulture) + "m";
        }
        else if (ms % 1000L == 0)
        {
            code = (ms / 1000L).ToString(CultureInfo.InvariantCulture) + "s";
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "interval must be a whole number of seconds");
        }

        return new BarInterval(code, TimeSpan.FromMilliseconds(ms));
    }

    /// <inheritdoc />
    public override string ToString() => Code ?? string.Empty;
}
