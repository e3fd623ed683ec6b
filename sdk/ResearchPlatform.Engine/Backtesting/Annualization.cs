using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// Bars per year, inferred from the timestamps: data with (almost) no bars on Saturdays and Sundays (UTC) is
/// exchange-day data: 252 × bars per active day; otherwise it trades 24/7: 365 days / bar interval.
/// </summary>
public static class Annualization
{
    /// <summary>Weekend bars below this share mean an exchange calendar (24/7 data has about 2/7).</summary>
    public const double WeekendShareThreshold = 0.02;

    /// <summary>Bars per year of <paramref name="bars"/>.</summary>
    public static double BarsPerYear(BarSeries bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var n = bars.Count;
        var crypto = 365.0 * 86_400_000 / bars.Interval.Milliseconds;
        if (n < 2)
        {
            return crypto;
        }

        var weekend = 0;
        var days = 0;
        var lastDay = long.MinValue;
        foreach (var ms in bars.OpenTimesMs)
        {
            var day = Math.DivRem(ms, 86_400_000L, out var rem) - (rem < 0 ? 1 : 0);
            if (day != lastDay)
            {
                days++;
                lastDay = day;
            }

            // 1970-01-01 was a Thursday: day % 7 == 2 is Saturday, 3 is Sunday.
            var dow = ((day % 7) + 7) % 7;
            if (dow is 2 or 3)
            {
                weekend++;
            }
        }

        return (double)weekend / n < WeekendShareThreshold ? 252.0 * n / days : crypto;
    }
}
