using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary><c>rp backtest --risk</c> as a real process: a crash trips the drawdown breakers and trading stops; bad risk input exits 2.</summary>
public sealed class BacktestRiskCommandTests : IDisposable
{
    private static readonly string[] FullSize =
    [
        "--seed", "momentum", "--gene", "mode=state", "--gene", "fast=5", "--gene", "slow=20", "--risk", "default",
        "--risk-gene", "max_position_size_pct=1", "--risk-gene", "concentration_limit_pct=2",
    ];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BacktestRisk_Crash_EmergencyStopsNewEntriesAndJsonListsEvents()
    {
        var r = await RpProcess.RunAsync(["backtest", "--data", WriteCrash(), .. FullSize, "--trades", "--json", "--workspace", _dir.File("ws")]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        var events = root.GetProperty("risk_events").EnumerateArray().ToList();
        var trip = events.First(e => e.GetProperty("kind").GetString() == "level_change" && e.GetProperty("to").GetString() == "EMERGENCY");
        Assert.Contains("total_drawdown tripped", trip.GetProperty("breakers").GetString(), StringComparison.Ordinal);
        var tripTime = DateTimeOffset.Parse(trip.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
        var entries = root.GetProperty("trade_list").EnumerateArray().Select(t => DateTimeOffset.Parse(t.GetProperty("entry_time").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(entries);
        Assert.DoesNotContain(entries, e => e >= tripTime);
        Assert.True(root.GetProperty("risk_orders_rejected").GetInt32() > 0);
        Assert.Contains(root.GetProperty("trade_list").EnumerateArray(), t => t.GetProperty("reason").GetString() == "risk");
        Assert.Equal("default", root.GetProperty("risk").GetString());
        Assert.Equal(1.0, root.GetProperty("risk_genes").GetProperty("max_position_size_pct").GetDouble());
    }

    [Fact]
    public async Task BacktestRisk_Save_StoresTheRiskEventsOfTheRun()
    {
        var config = _dir.Write("risk.json", "{\"regime\": {\"classifier\": \"volatility\"}}");
        var r = await RpProcess.RunAsync(["backtest", "--data", WriteCrash(), .. FullSize, "--risk-config", config, "--save", "--json", "--workspace", _dir.File("ws")]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        Assert.Equal("volatility", root.GetProperty("regime_classifier").GetString());
        var runId = root.GetProperty("run_id").GetInt64();
        var events = root.GetProperty("risk_events").EnumerateArray().ToList();
        using var db = Engine.Storage.ResearchDatabase.Open(Path.Combine(_dir.File("ws"), Engine.Storage.ResearchDatabase.FileName));
        var stored = new Engine.Risk.Events.RiskEventStore(db).List("backtest", runId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(events.Count, stored.Count);
        Assert.Equal(events.Select(e => e.GetProperty("kind").GetString()), stored.Select(s => s.Kind));
        Assert.Contains(stored, s => s.To == "EMERGENCY" && s.Breakers.Contains("total_drawdown tripped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BacktestRisk_TableOutput_ShowsTheLevelChanges()
    {
        var r = await RpProcess.RunAsync(["backtest", "--data", WriteCrash(), .. FullSize, "--workspace", _dir.File("ws")]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("risk level changes", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("-> Emergency", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("orders rejected", r.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown risk genome 'nope' (known: aggressive, conservative, default)", "--risk", "nope")]
    [InlineData("--risk-gene needs --risk", "--risk-gene", "max_position_size_pct=0.2")]
    [InlineData("with a gene of risk genome 'default'", "--risk", "default", "--risk-gene", "speed=3")]
    [InlineData("not supported in a risk-aware backtest", "--risk", "default", "--stop-loss-pct", "2")]
    [InlineData("--regime-classifier: regime.classifier: unknown value 'hmm' (accepted: composite, volatility, fear_greed)", "--risk", "default", "--regime-classifier", "hmm")]
    [InlineData("--risk-config and --regime-classifier need --risk ID", "--regime-classifier", "volatility")]
    public async Task BacktestRisk_BadInput_ExitsTwo(string message, params string[] args)
    {
        var r = await RpProcess.RunAsync(["backtest", "--data", WriteCrash(), "--seed", "momentum", .. args, "--workspace", _dir.File("ws")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.StdOut);
    }

    /// <summary>600 hourly bars: a noisy uptrend, a -25 % crash bar at bar 400 (held long: past the 20 % total drawdown limit), then noise.</summary>
    private string WriteCrash()
    {
        var lines = new List<string> { "timestamp,open,high,low,close,volume" };
        var rng = new Random(5);
        var price = 100.0;
        for (var i = 0; i < 600; i++)
        {
            var open = price;
            var close = i == 400 ? open * 0.75
                : i < 400 ? open * Math.Exp(0.002 + ((rng.NextDouble() - 0.5) * 0.01))
                : open * Math.Exp((rng.NextDouble() - 0.5) * 0.02);
            var high = Math.Max(open, close) * 1.002;
            var low = Math.Min(open, close) * 0.998;
            lines.Add(FormattableString.Invariant($"{1_699_999_200_000L + (i * 3_600_000L)},{open:R},{high:R},{low:R},{close:R},10"));
            price = close;
        }

        return _dir.Write("CRASH_USDT-1h.csv", string.Join('\n', lines) + "\n");
    }
}
