using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Service;

/// <summary>
/// A real <c>rp serve</c> replaying the sample BTC/USD daily bars to the end with the real alert service and
/// monitoring: alerts raised by the trading runtime reach <c>/api/alerts</c> and DuckDB, an acknowledgement through the
/// API persists, <c>/metrics</c> carries the monitoring gauges of the replay, <c>/api/risk</c> reports the regime
/// features computed from the bars, and the risk events and monitoring samples are in DuckDB after SIGTERM.
/// </summary>
public sealed class ServeWiringTests
{
    private const int SampleBars = 1318;

    [Fact]
    public async Task Serve_ReplayToEnd_AlertsAckMetricsRegimeAndRiskEventsPersisted()
    {
        using var ws = new TempDir();
        var sample = ClusterProcesses.Sample("BTCUSD-coinbase-1d.csv");
        var (importExit, _, importErr) = await RpSession.RunAsync(ws.Path, "data", "import", sample, "--symbol", "BTC/USD", "--interval", "1d");
        Assert.True(importExit == 0, importErr);
        await File.WriteAllTextAsync(Path.Combine(ws.Path, "alerts.json"), """
            { "channels": [ { "name": "console", "type": "console" }, { "name": "file", "type": "file", "path": "alerts/alerts.jsonl" } ],
              "monitoring": { "interval_seconds": 1 } }
            """);

        var (serve, url) = await ServeProcess.StartAsync(ws.Path, "--replay", "BTC/USD", "--replay-interval", "1d", "--replay-speed", "max");
        string ackedId;
        using (serve)
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(20) };
            var portfolio = await PollAsync(http, "/api/portfolio", p => p.GetProperty("bars_replayed").GetInt32() == SampleBars, "the replay to finish");
            var equity = portfolio.GetProperty("equity").GetDouble();

            // Alerts raised by the runtime's risk managers (the sample's volatility in August 2015 trips the breaker).
            var alerts = await PollAsync(http, "/api/alerts?limit=200", a => a.EnumerateArray().Any(IsVolatilityTrip), "a volatility breaker alert");
            var trip = alerts.EnumerateArray().First(IsVolatilityTrip);
            Assert.Equal("risk_manager", trip.GetProperty("component").GetString());
            Assert.Equal("warning", trip.GetProperty("level").GetString());
            ackedId = trip.GetProperty("id").GetString()!;
            using var ack = await AuthorizedPostAsync(http, await File.ReadAllTextAsync(Path.Combine(ws.Path, "serve.token")), $"/api/alerts/{ackedId}/ack");
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            using var acked = JsonDocument.Parse(await http.GetStringAsync("/api/alerts?acknowledged=true&limit=200"));
            Assert.Contains(acked.RootElement.EnumerateArray(), a => a.GetProperty("id").GetString() == ackedId && a.GetProperty("acknowledged_at").ValueKind == JsonValueKind.String);

            // /metrics: the monitoring snapshot of the finished replay (4 strategies x 10,000 starting cash).
            var pnl = 0.0;
            var metrics = string.Empty;
            for (var attempt = 0; attempt < 100; attempt++)
            {
                metrics = await http.GetStringAsync("/metrics");
                if (Sample(metrics, "rp_trading_pnl") is { } v && Math.Abs(v - (equity - 40_000)) < 1e-6)
                {
                    pnl = v;
                    break;
                }

                await Task.Delay(200);
            }

            Assert.Equal(equity - 40_000, pnl, 6);
            Assert.Contains("# TYPE rp_process_cpu_percent gauge", metrics, StringComparison.Ordinal);
            Assert.Contains("rp_component_up{component=\"paper_engine\",state=\"CONNECTED\"} 1", metrics, StringComparison.Ordinal);
            Assert.True(Sample(metrics, "rp_trading_win_rate_ratio") is > 0 and < 1, metrics);
            Assert.Contains("rp_alerts_total{level=\"WARNING\",category=\"TRADING\"}", metrics, StringComparison.Ordinal);

            // /api/risk: the regime detector's features at the last bar, against an independent computation.
            using var risk = JsonDocument.Parse(await http.GetStringAsync("/api/risk"));
            var market = risk.RootElement.GetProperty("market");
            var closes = ReadCloses(ClusterProcesses.Sample("BTCUSD-coinbase-1d.csv"));
            Assert.Equal(SampleBars - 1, market.GetProperty("bar").GetInt32());
            Assert.Equal(Volatility(closes, 20), market.GetProperty("volatility").GetDouble(), 9);
            Assert.Equal(closes[^1] / closes.TakeLast(50).Average() - 1, market.GetProperty("trend").GetDouble(), 9);
            Assert.Equal(market.GetProperty("regime").GetString(), risk.RootElement.GetProperty("regime").GetString());

            var exit = await serve.TerminateAsync(TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, $"exit {exit}: {string.Join('\n', serve.Stderr.Split('\n').Where(l => !l.StartsWith('[') && !l.StartsWith("    [") && !l.Contains(" started ", StringComparison.Ordinal)).TakeLast(40))}");
        }

        using var db = ResearchDatabase.Open(Path.Combine(ws.Path, ResearchDatabase.FileName));
        Assert.Equal("api", Scalar(db, $"SELECT acknowledged_by FROM alerts WHERE alert_id = '{ackedId}'"));
        Assert.True(Convert.ToInt64(Scalar(db, "SELECT count(*) FROM alert_deliveries WHERE status = 'delivered'"), CultureInfo.InvariantCulture) > 0);
        Assert.True(Convert.ToInt64(Scalar(db, "SELECT count(*) FROM risk_events WHERE source_kind = 'serve' AND kind = 'breaker_tripped' AND breakers LIKE 'volatility_spike tripped%'"), CultureInfo.InvariantCulture) > 0);
        Assert.True(Convert.ToInt64(Scalar(db, "SELECT count(*) FROM monitoring_samples WHERE metric = 'trading.pnl'"), CultureInfo.InvariantCulture) > 0);
        Assert.True(File.ReadAllLines(Path.Combine(ws.Path, "alerts", "alerts.jsonl")).Length > 0);
    }

    private static bool IsVolatilityTrip(JsonElement a) => a.GetProperty("key").GetString()!.StartsWith("breaker:volatility_spike:", StringComparison.Ordinal);

    /// <summary>Annualised (365) sample standard deviation of the last <paramref name="n"/> daily log returns.</summary>
    private static double Volatility(IReadOnlyList<double> closes, int n)
    {
        var r = Enumerable.Range(closes.Count - n, n).Select(i => Math.Log(closes[i] / closes[i - 1])).ToList();
        var mean = r.Average();
        return Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (n - 1)) * Math.Sqrt(365);
    }

    private static List<double> ReadCloses(string csv) =>
        [.. File.ReadLines(csv).Where(l => l.Length > 0 && char.IsDigit(l[0])).Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture))];

    private static double? Sample(string metrics, string name)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static object? Scalar(ResearchDatabase db, string sql)
    {
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static async Task<JsonElement> PollAsync(HttpClient http, string path, Func<JsonElement, bool> done, string what)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync(path));
            if (done(doc.RootElement))
            {
                return doc.RootElement.Clone();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("waited 30 s for " + what);
    }

    private static Task<HttpResponseMessage> AuthorizedPostAsync(HttpClient http, string token, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        return http.SendAsync(request);
    }
}
