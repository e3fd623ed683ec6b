using System.Text.Json;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Tests.TestSupport;
using Xunit.Abstractions;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary><c>rp backtest</c> as a real process: the peer regression, saving to DuckDB, and bad input (exit 2).</summary>
public sealed class BacktestCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();

    private string Workspace => _dir.File("ws");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Backtest_GoogPeerCommand_PrintsBacktestingPyNumbersAndSaves()
    {
        var goog = TestData.File(output, "reference", "GOOG.csv");
        if (goog is null)
        {
            return;
        }

        var r = await RpProcess.RunAsync("backtest", "--data", goog, "--seed", "momentum", "--gene", "mode=cross", "--gene", "fast=10", "--gene", "slow=30",
            "--fill", "next-open", "--size", "whole-units", "--direction", "long-short", "--exit-at-end", "last-open", "--fee-bps", "0", "--save", "--json",
            "--workspace", Workspace);
        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        var m = doc.RootElement;
        Assert.Equal(66, m.GetProperty("trades").GetInt32());
        Assert.Equal(51_422.99, m.GetProperty("final_equity").GetDouble(), 0.005);
        Assert.Equal(414.23, m.GetProperty("total_return_pct").GetDouble(), 0.005);
        Assert.Equal(-47.98, m.GetProperty("max_drawdown_pct").GetDouble(), 0.005);
        Assert.Equal(46.97, m.GetProperty("win_rate_pct").GetDouble(), 0.005);
        foreach (var key in new[] { "cagr_pct", "volatility_ann_pct", "sharpe", "sortino", "calmar", "profit_factor", "expectancy_pct", "exposure_pct", "fees_paid" })
        {
            Assert.True(m.TryGetProperty(key, out _), key);
        }

        Assert.Equal(m.GetProperty("avg_holding_bars").GetDouble() * 24, m.GetProperty("avg_holding_hours").GetDouble(), 1e-9); // daily bars
        Assert.Equal(1, m.GetProperty("run_id").GetInt64());
        using var db = ResearchDatabase.Open(Path.Combine(Workspace, ResearchDatabase.FileName));
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = "SELECT (SELECT count(*) FROM backtest_trades WHERE run_id = 1), (SELECT count(*) FROM backtest_equity WHERE run_id = 1), (SELECT seed FROM backtest_runs WHERE run_id = 1)";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        Assert.Equal((66L, 2148L, "momentum"), (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
    }

    [Fact]
    public async Task Backtest_TableOutputWithTrades_ExitsZero()
    {
        var csv = WriteSeries();
        var r = await RpProcess.RunAsync("backtest", "--data", csv, "--seed", "breakout", "--trades", "--stop-loss-pct", "2", "--workspace", Workspace);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("max drawdown %", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("trades", r.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown seed 'nope'", "--seed", "nope")]
    [InlineData("has no gene 'speed'", "--seed", "momentum", "--gene", "speed=3")]
    [InlineData("must be < 'slow'", "--seed", "momentum", "--gene", "fast=50", "--gene", "slow=10")]
    [InlineData("is not one of cross, state", "--seed", "momentum", "--gene", "mode=sideways")]
    [InlineData("holds 0 bars", "--seed", "momentum", "--from", "2030-01-01")]
    [InlineData("--cash = -5 must be > 0", "--seed", "momentum", "--cash", "-5")]
    [InlineData("--fee-bps = -1 must be in [0, 10000)", "--seed", "momentum", "--fee-bps", "-1")]
    [InlineData("--units applies only to --size fixed-units", "--seed", "momentum", "--units", "3")]
    [InlineData("--gene 'fast': 'abc' is not a number", "--seed", "momentum", "--gene", "fast=abc")]
    [InlineData("must be a whole number", "--seed", "momentum", "--gene", "fast=2.5")]
    public async Task Backtest_BadInput_ExitsTwoWithAClearMessage(string message, params string[] args)
    {
        var csv = WriteSeries();
        var r = await RpProcess.RunAsync(["backtest", "--data", csv, .. args, "--workspace", Workspace]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.StdOut);
    }

    [Fact]
    public async Task Backtest_MissingDataFile_ExitsTwo()
    {
        var r = await RpProcess.RunAsync("backtest", "--data", _dir.File("missing.csv"), "--seed", "momentum");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("file not found", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_SymbolNotInWorkspace_ExitsTwo()
    {
        var r = await RpProcess.RunAsync("backtest", "--symbol", "BTC/USDT", "--interval", "1h", "--seed", "momentum", "--workspace", Workspace);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("rp data import", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_OutOfBoundsGene_WarnsOnStderrAndRuns()
    {
        var csv = WriteSeries();
        var r = await RpProcess.RunAsync("backtest", "--data", csv, "--seed", "momentum", "--gene", "slow=450", "--json", "--workspace", Workspace);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("outside the search bounds", r.StdErr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.Equal(1, doc.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task BenchBacktest_Help_DescribesTheTargets()
    {
        var r = await RpProcess.RunAsync("bench", "backtest", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--data", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("2e9", r.StdOut, StringComparison.Ordinal);
    }

    /// <summary>A 600-bar hourly random walk as a generic OHLCV CSV.</summary>
    private string WriteSeries()
    {
        var rng = new Random(5);
        var lines = new List<string> { "timestamp,open,high,low,close,volume" };
        var price = 100.0;
        for (var i = 0; i < 600; i++)
        {
            var open = price;
            var close = open * Math.Exp((rng.NextDouble() - 0.5) * 0.04);
            var high = Math.Max(open, close) * 1.004;
            var low = Math.Min(open, close) * 0.996;
            lines.Add(FormattableString.Invariant($"{1_699_999_200_000L + (i * 3_600_000L)},{open:R},{high:R},{low:R},{close:R},10"));
            price = close;
        }

        return _dir.Write("TEST_USDT-1h.csv", string.Join('\n', lines) + "\n");
    }
}
