using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.Backtesting;

public sealed class AnnualizationTests
{
    [Fact]
    public void BarsPerYear_TwentyFourSevenHourly_Is365Days()
    {
        var bars = Series(Enumerable.Range(0, 24 * 14).Select(i => (long)i * 3_600_000).ToArray(), "1h");
        Assert.Equal(365 * 24, Annualization.BarsPerYear(bars));
    }

    [Fact]
    public void BarsPerYear_WeekdayDaily_Is252()
    {
        var days = Enumerable.Range(0, 70).Select(i => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i))
            .Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday).Select(d => d.ToUnixTimeMilliseconds()).ToArray();
        Assert.Equal(252, Annualization.BarsPerYear(Series(days, "1d")));
    }

    private static BarSeries Series(long[] t, string interval)
    {
        var x = Enumerable.Repeat(1.0, t.Length).ToArray();
        return new BarSeries("X", BarInterval.Parse(interval), t, x, x, x, x, x);
    }
}
