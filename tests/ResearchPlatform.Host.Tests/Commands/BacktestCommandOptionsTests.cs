using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>
/// <c>rp backtest</c> as a real process: every kernel flag reaches the engine (none parsed and ignored), --from/--to,
/// the equity curve and trade list on request, --funding, and --save storing what was printed.
/// </summary>
public sealed class BacktestCommandOptionsTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Workspace => _dir.File("ws");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Backtest_EveryKernelFlag_ReachesTheEngineOptions()
    {
        var csv = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 800);
        var r = await RpProcess.RunAsync("backtest", "--data", csv, "--seed", "momentum", "--gene", "mode=state", "--fill", "close", "--direction", "long-only",
            "--size", "fixed-units", "--units", "3", "--cash", "5000", "--fee-bps", "7", "--maker-fee-bps", "2", "--slippage-bps", "1.5", "--slippage-range", "0.1",
            "--stop-loss-pct", "1", "--take-profit-pct", "1.5", "--trailing-stop-pct", "0.8", "--exit-at-end", "none", "--statistics", "trades", "--trades", "--json",
            "--workspace", Workspace);
        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        var o = root.GetProperty("options");
        Assert.Equal(
            ("close", "long_only", "fixed_units", 3.0, 5000.0, 7.0, 2.0, 1.5, 0.1),
            (o.GetProperty("fill").GetString(), o.GetProperty("direction").GetString(), o.GetProperty("sizing").GetString(), o.GetProperty("units").GetDouble(),
                o.GetProperty("initial_cash").GetDouble(), o.GetProperty("fee_bps").GetDouble(), o.GetProperty("maker_fee_bps").GetDouble(),
                o.GetProperty("slippage_bps").GetDouble(), o.GetProperty("slippage_range_fraction").GetDouble()));
        Assert.Equal(
            (1.0, 1.5, 0.8, "none", "trades"),
            (o.GetProperty("stop_loss_pct").GetDouble(), o.GetProperty("take_profit_pct").GetDouble(), o.GetProperty("trailing_stop_pct").GetDouble(),
                o.GetProperty("exit_at_end").GetString(), o.GetProperty("statistics").GetString()));

        // and they acted: long-only fixed 3 units, stops and take-profits hit, trades-level statistics
        var trades = root.GetProperty("trade_list").EnumerateArray().ToList();
        Assert.True(trades.Count > 3, $"{trades.Count} trades");
        Assert.All(trades, t => Assert.Equal(3.0, t.GetProperty("units").GetDouble()));
        var reasons = trades.Select(t => t.GetProperty("reason").GetString()).ToHashSet();
        Assert.True(reasons.Overlaps(["stop_loss", "trailing_stop"]) && reasons.Contains("take_profit"), string.Join(",", reasons));
        Assert.Equal("NaN", root.GetProperty("sharpe").GetString());
        Assert.Equal(trades.Count, root.GetProperty("trades").GetInt32());
    }

    [Fact]
    public async Task Backtest_FromToAndEquity_TradesTheRangeAndPrintsItsCurve()
    {
        var csv = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 600);
        var first = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(File.ReadLines(csv).ElementAt(1).Split(',')[0], CultureInfo.InvariantCulture));
        var from = first.AddHours(100);
        var to = first.AddHours(400);
        var r = await RpProcess.RunAsync("backtest", "--data", csv, "--seed", "breakout", "--from", from.ToString("O", CultureInfo.InvariantCulture),
            "--to", to.ToString("O", CultureInfo.InvariantCulture), "--equity", "--json", "--workspace", Workspace);
        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        Assert.Equal(from, root.GetProperty("first_bar").GetDateTimeOffset());
        Assert.Equal(to.AddHours(-1), root.GetProperty("last_bar").GetDateTimeOffset());
        Assert.Equal(300, root.GetProperty("bars").GetInt32());
        var curve = root.GetProperty("equity_curve").EnumerateArray().ToList();
        Assert.Equal(300, curve.Count);
        Assert.Equal(from, curve[0].GetProperty("time").GetDateTimeOffset());
        Assert.Equal(root.GetProperty("final_equity").GetDouble(), curve[^1].GetProperty("equity").GetDouble());

        var table = await RpProcess.RunAsync("backtest", "--data", csv, "--seed", "breakout", "--equity", "--workspace", Workspace);
        Assert.True(table.ExitCode == 0, table.StdErr);
        Assert.Contains("equity curve (at each close)", table.StdOut, StringComparison.Ordinal);
        var plain = await RpProcess.RunAsync("backtest", "--data", csv, "--seed", "breakout", "--json", "--workspace", Workspace);
        using var plainDoc = JsonDocument.Parse(plain.StdOut);
        Assert.False(plainDoc.RootElement.TryGetProperty("equity_curve", out _));
        Assert.False(plainDoc.RootElement.TryGetProperty("trade_list", out _));
    }

    [Fact]
    public async Task Backtest_Funding_ChargesEveryCloseWithTheLongPositionOpen()
    {
        const double rate = 0.0002;
        var csv = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 500);
        var rows = File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).ToList();
        var open = rows.Select(c => long.Parse(c[0], CultureInfo.InvariantCulture)).ToList();
        var close = rows.Select(c => double.Parse(c[4], CultureInfo.InvariantCulture)).ToList();

        // one rate per hour, stamped at each bar's close: bar i pays it on the position held at its close
        var funding = _dir.Write("funding.csv", "time,rate\n" + string.Concat(open.Select(t => FormattableString.Invariant($"{t + 3_600_000},{rate}\n"))));
        string[] args = ["backtest", "--data", csv, "--seed", "momentum", "--gene", "mode=state", "--direction", "long-only", "--fill", "close", "--size", "fixed-units",
            "--fee-bps", "0", "--exit-at-end", "last-close", "--trades", "--json", "--workspace", Workspace];
        var without = await RpProcess.RunAsync(args);
        var with = await RpProcess.RunAsync([.. args, "--funding", funding]);
        Assert.True(without.ExitCode == 0 && with.ExitCode == 0, without.StdErr + with.StdErr);
        using var a = JsonDocument.Parse(without.StdOut);
        using var b = JsonDocument.Parse(with.StdOut);

        // 1 unit long from each entry close up to (not including) its exit close (the last one closes at the last close)
        var charged = 0.0;
        var held = 0;
        foreach (var t in a.RootElement.GetProperty("trade_list").EnumerateArray())
        {
            var e = open.IndexOf(t.GetProperty("entry_time").GetDateTimeOffset().ToUnixTimeMilliseconds());
            var x = open.IndexOf(t.GetProperty("exit_time").GetDateTimeOffset().ToUnixTimeMilliseconds());
            charged += close.Skip(e).Take(x - e).Sum() * rate;
            held += x - e;
        }

        Assert.True(held > 50, $"{held} bars held");
        var aFinal = a.RootElement.GetProperty("final_equity").GetDouble();
        var bFinal = b.RootElement.GetProperty("final_equity").GetDouble();
        Assert.Equal(aFinal - charged, bFinal, 1e-6);
        Assert.EndsWith("funding.csv", b.RootElement.GetProperty("options").GetProperty("funding_rates").GetString(), StringComparison.Ordinal);

        var bad = await RpProcess.RunAsync([.. args, "--funding", _dir.Write("far.csv", "time,rate\n2040-01-01T00:00:00Z,0.1\n")]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("falls inside the bars", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_Save_StoresThePrintedMetricsTradesAndEquity()
    {
        var csv = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 700);
        var r = await RpProcess.RunAsync("backtest", "--data", csv, "--seed", "mean_reversion", "--save", "--json", "--trades", "--workspace", Workspace);
        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        var printed = doc.RootElement;
        var runId = printed.GetProperty("run_id").GetInt64();
        using var db = ResearchDatabase.Open(Path.Combine(Workspace, ResearchDatabase.FileName));
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT final_equity, trades, metrics, options,
                (SELECT count(*) FROM backtest_trades WHERE run_id = {runId}), (SELECT sum(pnl) FROM backtest_trades WHERE run_id = {runId}),
                (SELECT count(*) FROM backtest_equity WHERE run_id = {runId}),
                (SELECT equity FROM backtest_equity WHERE run_id = {runId} ORDER BY bar_time DESC LIMIT 1)
            FROM backtest_runs WHERE run_id = {runId}
            """;
        using var row = cmd.ExecuteReader();
        Assert.True(row.Read());
        var final = printed.GetProperty("final_equity").GetDouble();
        Assert.Equal(final, row.GetDouble(0));
        Assert.Equal(printed.GetProperty("trades").GetInt32(), row.GetInt32(1));
        using var metrics = JsonDocument.Parse(row.GetString(2));
        Assert.Equal(printed.GetProperty("sharpe").GetDouble(), metrics.RootElement.GetProperty("sharpe").GetDouble());
        Assert.Equal(printed.GetProperty("max_drawdown_pct").GetDouble(), metrics.RootElement.GetProperty("max_drawdown_pct").GetDouble());
        using var stored = JsonDocument.Parse(row.GetString(3));
        Assert.Equal(4.5, stored.RootElement.GetProperty("fee_bps").GetDouble());
        Assert.Equal(printed.GetProperty("trade_list").GetArrayLength(), row.GetInt64(4));
        Assert.Equal(final - 10_000, row.GetDouble(5), 1e-6);
        Assert.Equal(700, row.GetInt64(6));
        Assert.Equal(final, row.GetDouble(7));
    }
}
