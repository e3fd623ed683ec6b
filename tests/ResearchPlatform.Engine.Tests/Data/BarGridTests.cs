using ResearchPlatform.Engine.Data;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.Data;

public sealed class BarGridTests
{
    [Theory]
    [InlineData("2024-01-03T17:42:00Z", "4h", "2024-01-03T16:00:00Z")]
    [InlineData("2024-01-03T17:42:00Z", "1d", "2024-01-03T00:00:00Z")]
    [InlineData("2024-01-03T17:42:00Z", "1w", "2024-01-01T00:00:00Z")]
    [InlineData("2024-01-07T23:59:00Z", "1w", "2024-01-01T00:00:00Z")]
    [InlineData("1969-12-31T23:30:00Z", "1h", "1969-12-31T23:00:00Z")]
    public void Floor_TimeInsideABar_GivesTheBarOpen(string time, string interval, string expected)
    {
        var ms = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

        var floor = BarGrid.Floor(ms, BarInterval.Parse(interval));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(floor));
    }

    [Fact]
    public void FixedAnchor_DependsOnTheInterval()
    {
        Assert.Equal(0, BarGrid.FixedAnchor(BarInterval.Parse("15m")));
        Assert.Equal(0, BarGrid.FixedAnchor(BarInterval.Parse("1d")));
        Assert.Equal(4 * 86_400_000L, BarGrid.FixedAnchor(BarInterval.Parse("1w")));
        Assert.Null(BarGrid.FixedAnchor(BarInterval.Parse("3d")));
        Assert.Null(BarGrid.FixedAnchor(BarInterval.Parse("7h")));
    }
}
