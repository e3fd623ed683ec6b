using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// The time grid bars open on. Intervals that divide a day (1m, 15m, 1h, 4h, 1d, ...) open at whole multiples since
/// 1970-01-01T00:00Z (Binance, freqtrade and every exchange candle API do this); weeks open on Mondays 00:00 UTC. For
/// other intervals (e.g. 3d, 7h) the phase is exchange-specific: a file only has to be consistent with its first bar,
/// and resampling uses the epoch grid.
/// </summary>
public static class BarGrid
{
    private const long DayMs = 86_400_000L;
    private const long WeekMs = 7 * DayMs;
    private const long MondayAnchorMs = 4 * DayMs; // 1970-01-05 was a Monday

    /// <summary>The grid origin when it is fixed for <paramref name="interval"/>; null when the phase is free.</summary>
    public static long? FixedAnchor(BarInterval interval)
    {
        var ms = interval.Milliseconds;
        if (ms % WeekMs == 0)
        {
            return MondayAnchorMs;
        }

        return DayMs % ms == 0 ? 0 : null;
    }

    /// <summary>The open time of the bar of <paramref name="interval"/> that contains <paramref name="timeMs"/>.</summary>
    public static long Floor(long timeMs, BarInterval interval)
    {
        var anchor = FixedAnchor(interval) ?? 0;
        var step = interval.Milliseconds;
        var offset = (timeMs - anchor) % step;
        if (offset < 0)
        {
            offset += step;
        }

        return timeMs - offset;
    }

    /// <summary>Whether <paramref name="timeMs"/> is a bar open time of <paramref name="interval"/> (fixed-anchor intervals only).</summary>
    public static bool IsOnGrid(long timeMs, BarInterval interval) => Floor(timeMs, interval) == timeMs;

    /// <summary>Describes the grid for messages, e.g. "multiples of 1h since 1970-01-01T00:00Z".</summary>
    public static string Describe(BarInterval interval) => FixedAnchor(interval) switch
    {
        0 => $"multiples of {interval} since 1970-01-01T00:00Z",
        { } => $"Mondays 00:00 UTC every {interval}",
        null => $"the phase of the first bar plus multiples of {interval}",
    };
}
