using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>Runs <c>rp paper</c>, <c>rp orders</c> and <c>rp bench paper</c> as real processes.</summary>
public sealed class PaperCommandTests
{
    [Fact]
    public async Task PaperReplay_Json_StoresSessionWhoseOrdersListAndShow()
    {
        using var dir = new TempDir();
        var csv = SyntheticCsv.Write(dir.File("bars.csv"), 600);
        var ws = dir.File("ws");

        var (exit, stdout, stderr) = await RpSession.RunAsync(ws, "paper", "--mode", "replay", "--data", csv, "--symbol", "SYN/USDT", "--seed", "momentum", "--participation", "1", "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var session = root.GetProperty("session_id").GetString()!;
        Assert.Equal(600, root.GetProperty("bars").GetInt32());
        var strategy = Assert.Single(root.GetProperty("strategies").EnumerateArray());
        var sent = strategy.GetProperty("orders_sent").GetInt32();
        var denied = strategy.GetProperty("orders_denied").GetInt32();
        Assert.True(sent > 0, "the momentum strategy traded");
        Assert.True(strategy.GetProperty("trades").GetInt32() > 0);

        var (listExit, listOut, listErr) = await RpSession.RunAsync(ws, "orders", "list", "--session", session, "--limit", "100000", "--json");
        Assert.True(listExit == 0, listErr);
        using var list = JsonDocument.Parse(listOut);
        var orders = list.RootElement.EnumerateArray().ToList();
        Assert.Equal(sent + denied, orders.Count);
        var first = orders[0].GetProperty("client_order_id").GetString()!;

        var (showExit, showOut, showErr) = await RpSession.RunAsync(ws, "orders", "show", first, "--session", session, "--json");
        Assert.True(showExit == 0, showErr);
        using var show = JsonDocument.Parse(showOut);
        var journal = show.RootElement.GetProperty("journal").EnumerateArray().ToList();
        Assert.Equal("submitted", journal[0].GetProperty("kind").GetString());
        Assert.Contains(journal, j => j.GetProperty("kind").GetString() == "filled");
    }

    [Fact]
    public async Task PaperValidate_Json_ReportsMatchedTradesAndAttribution()
    {
        using var dir = new TempDir();
        var csv = SyntheticCsv.Write(dir.File("bars.csv"), 500);

        var (exit, stdout, stderr) = await RpSession.RunAsync(
            dir.File("ws"), "paper", "--mode", "validate", "--data", csv, "--symbol", "SYN/USDT", "--seed", "momentum", "--size", "fixed-units", "--units", "1",
            "--slippage-bps", "0", "--impact-bps", "0", "--participation", "1", "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var v = Assert.Single(doc.RootElement.GetProperty("validation").EnumerateArray());
        var kernelTrades = v.GetProperty("kernel_trades").GetInt32();
        Assert.True(kernelTrades > 0);
        Assert.Equal(kernelTrades, v.GetProperty("matched").GetInt32());
        // no slippage: what is left is the venue's 0.01 tick rounding of each taker fill (at most one tick per fill), all of it in prices
        Assert.Equal(0m, v.GetProperty("quantity_effect").GetDecimal());
        Assert.Equal(0m, v.GetProperty("unmatched_effect").GetDecimal());
        Assert.InRange(Math.Abs(v.GetProperty("price_effect").GetDecimal()), 0m, kernelTrades * 2 * 0.01m);
        Assert.InRange(Math.Abs(v.GetProperty("residual").GetDecimal()), 0m, 0.001m);
    }

    [Theory]
    [InlineData("no strategy", "paper", "--data", "{csv}")]
    [InlineData("exactly one of --strategies", "paper", "--data", "{csv}", "--seed", "momentum", "--strategies", "r:top5")]
    [InlineData("is not RUN_ID:topN", "paper", "--data", "{csv}", "--strategies", "r-only")]
    [InlineData("--speed: 'fast' is not max or Nx", "paper", "--data", "{csv}", "--seed", "momentum", "--speed", "fast")]
    [InlineData("--mode simulation generates its market: drop --data", "paper", "--mode", "simulation", "--data", "{csv}", "--seed", "momentum")]
    [InlineData("--bars must be 2..10,000,000", "paper", "--mode", "simulation", "--bars", "1", "--seed", "momentum")]
    [InlineData("unknown seed 'nope'", "paper", "--data", "{csv}", "--seed", "nope")]
    [InlineData("--data: file not found", "paper", "--data", "/nonexistent/bars.csv", "--seed", "momentum")]
    [InlineData("participation_cap", "paper", "--data", "{csv}", "--seed", "momentum", "--participation", "2")]
    [InlineData("order S9-00000001 not found", "orders", "show", "S9-00000001")]
    public async Task Paper_BadInput_ExitsTwoWithMessageAndNoStdout(string message, params string[] args)
    {
        using var dir = new TempDir();
        var csv = SyntheticCsv.Write(dir.File("bars.csv"), 50);
        var resolved = args.Select(a => a == "{csv}" ? csv : a).ToArray();

        var (exit, stdout, stderr) = await RpSession.RunAsync(dir.File("ws"), resolved);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains(message == "no strategy" ? "give exactly one of --strategies" : message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchPaper_Json_PrintsThroughput()
    {
        using var dir = new TempDir();
        var (exit, stdout, stderr) = await RpSession.RunAsync(dir.File("ws"), "bench", "paper", "--bars", "20000", "--repeats", "1", "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(20000, doc.RootElement.GetProperty("bars").GetInt32());
        Assert.True(doc.RootElement.GetProperty("bars_per_second").GetDouble() > 0);
        Assert.Equal(100_000, doc.RootElement.GetProperty("target_bars_per_second").GetDouble());
    }
}
