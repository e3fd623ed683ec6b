using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Tests.Plugins;

/// <summary>Small synthetic bar series for exercising plugin seed types.</summary>
internal static class TestSeries
{
    public static BarSeries Hourly(int count)
    {
        var times = Enumerable.Range(0, count).Select(i => 1_700_000_000_000L + (i * 3_600_000L)).ToArray();
        var prices = Enumerable.Range(0, count).Select(i => 100.0 + i).ToArray();
        return new BarSeries("TEST/USDT", BarInterval.Parse("1h"), times, prices, prices, prices, prices, prices);
    }
}
