using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Sdk.Tests.Data;

public sealed class BarIntervalTests
{
    [Theory]
    [InlineData("1h", "1h", 3_600_000L)]
    [InlineData("60m", "1h", 3_600_000L)]
    [InlineData("15M", "15m", 900_000L)]
    [InlineData("24h", "1d", 86_400_000L)]
    [InlineData("7d", "1w", 604_800_000L)]
    [InlineData("90m", "90m", 5_400_000L)]
    public void Parse_ValidCode_NormalisesToCanonicalCode(string text, string code, long ms)
    {
        var interval = BarInterval.Parse(text);
        Assert.Equal(code, interval.Code);
        Assert.Equal(ms, interval.Milliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("0h")]
    [InlineData("-1h")]
    [InlineData("1x")]
    [InlineData("1.5h")]
    public void TryParse_InvalidCode_FailsWithMessageNamingInput(string text)
    {
        Assert.False(BarInterval.TryParse(text, out _, out var error));
        Assert.Contains("interval", error, StringComparison.Ordinal);
    }
}
