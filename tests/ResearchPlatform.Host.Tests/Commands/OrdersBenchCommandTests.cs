using ResearchPlatform.Host.Tests.TestSupport;
using System.Text.Json;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>Runs <c>rp bench orders</c> as a real process.</summary>
public sealed class OrdersBenchCommandTests
{
    [Fact]
    public async Task BenchOrders_Json_OneDocumentWithOrderedPercentiles()
    {
        var (exit, stdout, stderr) = await RpProcess.RunAsync(["bench", "orders", "--json", "--count", "300", "--warmup", "50", "--journal", "group"]);

        Assert.Equal(0, exit);
        Assert.Contains("bench orders: 50 warm-up + 300 timed orders, journal group", stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("orders", doc.RootElement.GetProperty("benchmark").GetString());
        Assert.Equal(1000, doc.RootElement.GetProperty("target_p99_us").GetDouble());
        var r = Assert.Single(doc.RootElement.GetProperty("results").EnumerateArray().ToList());
        Assert.Equal(("group", 300), (r.GetProperty("journal").GetString(), r.GetProperty("orders").GetInt32()));
        var p50 = r.GetProperty("p50_us").GetDouble();
        var p99 = r.GetProperty("p99_us").GetDouble();
        Assert.True(p50 > 0 && p50 <= p99 && p99 <= r.GetProperty("max_us").GetDouble(), $"p50 {p50}, p99 {p99}");
        Assert.Equal(p99 < 1000, r.GetProperty("meets_target").GetBoolean());
    }

    [Fact]
    public async Task BenchOrders_UnknownJournalMode_ExitTwoNamingOption()
    {
        var (exit, stdout, stderr) = await RpProcess.RunAsync(["bench", "orders", "--journal", "sometimes"]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--journal: 'sometimes' is not fsync, buffered, group, both or all", stderr, StringComparison.Ordinal);
    }
}
