using ResearchPlatform.Engine.Risk.Regime;

namespace ResearchPlatform.Engine.Tests.Risk.Regime;

public sealed class FearGreedHistoryTests
{
    private static readonly FearGreedHistory History = new(
    [
        new FearGreedPoint(new DateOnly(2024, 3, 2), 60),
        new FearGreedPoint(new DateOnly(2024, 3, 1), 20),
        new FearGreedPoint(new DateOnly(2024, 3, 5), 90),
    ]);

    private static DateTimeOffset Utc(int day, int hour, int minute = 0, int second = 0) => new(2024, 3, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void ValueAsOf_DuringTheDay_IsNotYetUsable() => Assert.Null(History.ValueAsOf(Utc(1, 23, 59, 59)));

    [Fact]
    public void ValueAsOf_AtTheDaysClose_BecomesUsable() => Assert.Equal(20, History.ValueAsOf(Utc(2, 0)));

    [Fact]
    public void ValueAsOf_LateNextDay_StillYesterdaysValue() => Assert.Equal(20, History.ValueAsOf(Utc(2, 23, 59, 59)));

    [Fact]
    public void ValueAsOf_GapInHistory_LatestClosedDay() => Assert.Equal(60, History.ValueAsOf(Utc(5, 12)));

    [Fact]
    public void ValueAsOf_NonUtcOffset_UsesTheUtcDay() =>
        Assert.Equal(90, History.ValueAsOf(new DateTimeOffset(2024, 3, 5, 20, 0, 0, TimeSpan.FromHours(-5)))); // 6 Mar 01:00 UTC

    [Fact]
    public void Constructor_DuplicateDay_Throws() =>
        Assert.Throws<ArgumentException>(() => new FearGreedHistory([new(new DateOnly(2024, 1, 1), 1), new(new DateOnly(2024, 1, 1), 2)]));
}
