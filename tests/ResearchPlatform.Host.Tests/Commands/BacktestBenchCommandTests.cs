using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>
/// <c>rp bench backtest</c> as a real process on a small file: its JSON figures, and its best grid strategy's PnL is
/// exactly what <c>rp backtest</c> gives for the same genes and the grid's options (one seed and kernel path).
/// </summary>
public sealed class BacktestBenchCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BenchBacktest_SmallFile_PrintsFiguresAndItsBestMatchesRpBacktest()
    {
        var csv = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 1_200);
        var bench = await RpProcess.RunAsync("bench", "backtest", "--data", csv, "--repeats", "1", "--threads", "2", "--json");
        Assert.True(bench.ExitCode == 0, bench.StdErr);
        Assert.Contains("grid run 1/1", bench.StdErr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(bench.StdOut);
        var b = doc.RootElement;
        Assert.Equal((1_200, 4_851, 1_000), (b.GetProperty("bars").GetInt32(), b.GetProperty("grid_strategies").GetInt32(), b.GetProperty("mixed_strategies").GetInt32()));
        foreach (var key in new[] { "steps_per_sec", "full_steps_per_sec", "mixed_steps_per_sec", "steps_per_cpu_sec", "mixed_steps_per_cpu_sec", "single_ms", "median_steps_per_sec" })
        {
            Assert.True(b.GetProperty(key).GetDouble() > 0, key);
        }

        var (fast, slow) = (b.GetProperty("best_fast").GetInt32(), b.GetProperty("best_slow").GetInt32());
        Assert.InRange(fast, 2, 99);
        Assert.InRange(slow, fast + 1, 100);
        var single = await RpProcess.RunAsync("backtest", "--data", csv, "--seed", "momentum", "--gene", "mode=state", "--gene", "ma=sma",
            "--gene", "fast=" + fast.ToString(CultureInfo.InvariantCulture), "--gene", "slow=" + slow.ToString(CultureInfo.InvariantCulture),
            "--fill", "close", "--size", "fixed-units", "--units", "1", "--fee-bps", "10", "--direction", "long-short", "--exit-at-end", "last-close",
            "--json", "--workspace", _dir.File("ws"));
        Assert.True(single.ExitCode == 0, single.StdErr);
        using var s = JsonDocument.Parse(single.StdOut);
        Assert.Equal(b.GetProperty("best_pnl").GetDouble(), s.RootElement.GetProperty("pnl").GetDouble());
    }

    [Fact]
    public async Task BenchBacktest_MissingFile_ExitsTwo()
    {
        var r = await RpProcess.RunAsync("bench", "backtest", "--data", _dir.File("missing.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("file not found", r.StdErr, StringComparison.Ordinal);
    }
}
