using System.Diagnostics;
using System.Text.Json;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>Runs <c>rp bench orders</c> as a real process.</summary>
public sealed class OrdersBenchCommandTests
{
    [Fact]
    public async Task BenchOrders_Json_OneDocumentWithOrderedPercentiles()
    {
        var (exit, stdout, stderr) = await RunRp(["bench", "orders", "--json", "--count", "300", "--warmup", "50", "--journal", "buffered"]);

        Assert.Equal(0, exit);
        Assert.Contains("bench orders: 50 warm-up + 300 timed orders, journal buffered", stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("orders", doc.RootElement.GetProperty("benchmark").GetString());
        Assert.Equal(1000, doc.RootElement.GetProperty("target_p99_us").GetDouble());
        var r = Assert.Single(doc.RootElement.GetProperty("results").EnumerateArray().ToList());
        Assert.Equal(("buffered", 300), (r.GetProperty("journal").GetString(), r.GetProperty("orders").GetInt32()));
        var p50 = r.GetProperty("p50_us").GetDouble();
        var p99 = r.GetProperty("p99_us").GetDouble();
        Assert.True(p50 > 0 && p50 <= p99 && p99 <= r.GetProperty("max_us").GetDouble(), $"p50 {p50}, p99 {p99}");
        Assert.Equal(p99 < 1000, r.GetProperty("meets_target").GetBoolean());
    }

    [Fact]
    public async Task BenchOrders_UnknownJournalMode_ExitTwoNamingOption()
    {
        var (exit, stdout, stderr) = await RunRp(["bench", "orders", "--journal", "sometimes"]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--journal: 'sometimes' is not fsync, buffered or both", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunRp(string[] args)
    {
        var rp = Path.Combine(AppContext.BaseDirectory, "rp.dll");
        Assert.True(File.Exists(rp), $"rp.dll not found at {rp}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(rp);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
