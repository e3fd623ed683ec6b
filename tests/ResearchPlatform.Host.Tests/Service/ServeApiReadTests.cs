using System.Text.Json;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Service;

/// <summary>
/// Every GET endpoint of the API contract against a real in-process service that replayed the BTC/USD daily sample
/// through the default strategy pool: status 200, JSON shape (required fields and their types) and values that agree
/// with the engines (journal, order managers, venues, equity arithmetic).
/// </summary>
public sealed class ServeApiReadTests
{
    [Fact]
    public async Task GetEndpoints_AfterAFullReplay_HaveTheContractShapeAndAgreeWithTheEngines()
    {
        await using var serve = await InProcessServe.StartAsync(replaySpeed: null);
        await InProcessServe.WaitUntilAsync(() => Task.FromResult(serve.Runtime.Finished), "replay finished", seconds: 120);
        var rt = serve.Runtime;

        using var health = await serve.GetJsonAsync("/api/health");
        var h = health.RootElement;
        Assert.True(h.GetProperty("healthy").GetBoolean());
        Assert.InRange(h.GetProperty("health_score").GetDouble(), 0.8, 1.0);
        Assert.Equal(0.8, h.GetProperty("threshold").GetDouble());
        Assert.Equal("paper", h.GetProperty("mode").GetString());
        Assert.False(h.GetProperty("live_trading_blocked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, h.GetProperty("blocked_reason").ValueKind);
        AssertTime(h.GetProperty("started_at"));
        foreach (var c in h.GetProperty("components").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString()));
            Assert.Contains(c.GetProperty("kind").GetString(), new[] { "critical", "optional" });
            Assert.Contains(c.GetProperty("status").GetString(), new[] { "CONNECTING", "CONNECTED", "DEGRADED", "ERROR" });
            Assert.True(c.GetProperty("reason").ValueKind is JsonValueKind.String or JsonValueKind.Null);
            AssertTime(c.GetProperty("since"));
        }

        using var components = await serve.GetJsonAsync("/api/components");
        Assert.Equal(h.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()), components.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        // the score agrees with the component statuses of the same health report (a second read may already see a status change)
        var connected = h.GetProperty("components").EnumerateArray().Count(c => c.GetProperty("status").GetString() == "CONNECTED");
        Assert.Equal(Math.Round((double)connected / h.GetProperty("components").GetArrayLength(), 4), h.GetProperty("health_score").GetDouble());

        // Orders and fills: every order the order managers hold and every fill in the journals, nothing else.
        var managers = rt.Slots.Select(s => s.Runner!.Manager).ToList();
        var journals = rt.Slots.Select(s => s.Journal!.ReadAll()).ToList();
        using var orders = await serve.GetJsonAsync("/api/orders?limit=10000");
        var orderRows = orders.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(orderRows);
        Assert.Equal(managers.Sum(m => m.Orders.Count), orderRows.Count);
        Assert.Equal(journals.Sum(j => j.Select(e => e.ClientOrderId).Distinct().Count()), orderRows.Count);
        Assert.Equal(orderRows.Count, orderRows.Select(o => o.GetProperty("client_order_id").GetString()).Distinct().Count());
        var updated = orderRows.Select(o => o.GetProperty("updated_at").GetDateTimeOffset()).ToList();
        Assert.Equal(updated.OrderByDescending(t => t), updated); // newest first
        foreach (var o in orderRows)
        {
            var managed = managers.Select(m => m.Find(o.GetProperty("client_order_id").GetString()!)).Single(x => x is not null)!;
            Assert.Equal((double)managed.FilledQuantity, o.GetProperty("filled_quantity").GetDouble());
            Assert.Equal((double)managed.Order.Quantity, o.GetProperty("quantity").GetDouble());
            Assert.Equal("BTC/USD", o.GetProperty("symbol").GetString());
            Assert.Contains(o.GetProperty("side").GetString(), new[] { "buy", "sell" });
            Assert.Contains(rt.Slots, s => s.Id == o.GetProperty("strategy_id").GetString());
            Assert.True(o.GetProperty("price").ValueKind is JsonValueKind.Number or JsonValueKind.Null);
            Assert.True(o.GetProperty("slippage_bps").ValueKind is JsonValueKind.Number or JsonValueKind.Null);
            Assert.False(string.IsNullOrEmpty(o.GetProperty("type").GetString()));
            Assert.False(string.IsNullOrEmpty(o.GetProperty("status").GetString()));
            AssertTime(o.GetProperty("created_at"));
        }

        using var limited = await serve.GetJsonAsync("/api/orders?limit=3");
        Assert.Equal(orderRows.Take(3).Select(o => o.GetProperty("client_order_id").GetString()), limited.RootElement.EnumerateArray().Select(o => o.GetProperty("client_order_id").GetString()));
        using var fills = await serve.GetJsonAsync("/api/fills?limit=10000");
        var fillRows = fills.RootElement.EnumerateArray().ToList();
        Assert.Equal(journals.Sum(j => j.Count(e => e.Kind == JournalEntryKind.Filled)), fillRows.Count);
        Assert.Equal(orderRows.Sum(o => o.GetProperty("filled_quantity").GetDouble()), fillRows.Sum(f => f.GetProperty("quantity").GetDouble()), 6);
        foreach (var f in fillRows)
        {
            Assert.True(f.GetProperty("price").GetDouble() > 0);
            Assert.True(f.GetProperty("fee").GetDouble() >= 0);
            Assert.Contains(f.GetProperty("liquidity").GetString(), new[] { "maker", "taker" });
            AssertTime(f.GetProperty("t"));
        }

        // Positions: the order managers' books, reconciled with each venue's account; portfolio arithmetic.
        using var positions = await serve.GetJsonAsync("/api/positions");
        var positionRows = positions.RootElement.EnumerateArray().ToList();
        var mark = rt.Bars!.Close[^1];
        Assert.Equal(rt.Slots.Count(s => s.Runner!.Manager.Positions.QuantityOf("BTC/USD") != 0), positionRows.Count);
        foreach (var p in positionRows)
        {
            var slot = rt.Slots.Single(s => s.Id == p.GetProperty("strategy_id").GetString());
            Assert.Equal((double)slot.Runner!.Manager.Positions.QuantityOf("BTC/USD"), p.GetProperty("quantity").GetDouble());
            Assert.Equal((double)slot.Runner.Venue.PositionOf("BTC/USD"), p.GetProperty("venue_quantity").GetDouble());
            Assert.True(p.GetProperty("reconciled").GetBoolean());
            Assert.Equal("matched", p.GetProperty("reconciliation").GetString());
            Assert.Equal(mark, p.GetProperty("mark_price").GetDouble(), 6);
            Assert.Equal((mark - p.GetProperty("avg_price").GetDouble()) * p.GetProperty("quantity").GetDouble(), p.GetProperty("unrealized_pnl").GetDouble(), 4);
        }

        using var portfolio = await serve.GetJsonAsync("/api/portfolio");
        var pf = portfolio.RootElement;
        var equity = pf.GetProperty("equity").GetDouble();
        var exposure = positionRows.Sum(p => p.GetProperty("quantity").GetDouble() * p.GetProperty("mark_price").GetDouble());
        Assert.Equal(equity, pf.GetProperty("cash").GetDouble() + exposure, 6);
        Assert.Equal(10_000.0 * rt.Slots.Count, equity - pf.GetProperty("realized_pnl").GetDouble() - pf.GetProperty("unrealized_pnl").GetDouble(), 4);
        Assert.Equal(positionRows.Sum(p => p.GetProperty("unrealized_pnl").GetDouble()), pf.GetProperty("unrealized_pnl").GetDouble(), 4);
        Assert.Equal(rt.Bars.Count, pf.GetProperty("bars_replayed").GetInt32());
        Assert.InRange(pf.GetProperty("drawdown_pct").GetDouble(), 0, pf.GetProperty("max_drawdown_pct").GetDouble());
        Assert.True(pf.GetProperty("today_pnl").ValueKind == JsonValueKind.Number);
        var curve = pf.GetProperty("equity_curve").EnumerateArray().ToList();
        Assert.InRange(curve.Count, 2, 500);
        Assert.Equal(equity, curve[^1].GetProperty("equity").GetDouble(), 6);
        Assert.All(curve, c => Assert.True(c.GetProperty("drawdown_pct").GetDouble() >= 0));

        // Strategies: one per seed type, the replay finished so none runs; their last equities sum to the portfolio's.
        using var strategies = await serve.GetJsonAsync("/api/strategies");
        var strategyRows = strategies.RootElement.EnumerateArray().ToList();
        Assert.Equal(rt.Slots.Select(s => s.Id), strategyRows.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(equity, strategyRows.Sum(s => s.GetProperty("equity_curve").EnumerateArray().Last().GetProperty("equity").GetDouble()), 4);
        foreach (var s in strategyRows)
        {
            Assert.False(s.GetProperty("running").GetBoolean());
            Assert.Equal("paper", s.GetProperty("stage").GetString());
            Assert.Equal(JsonValueKind.Object, s.GetProperty("genes").ValueKind);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("seed_type").GetString()));
            Assert.True(s.GetProperty("controllable").GetBoolean());
            var slot = rt.Slots.Single(x => x.Id == s.GetProperty("id").GetString());
            AssertKernelMetrics(rt, slot, s.GetProperty("backtest"), 0, (int)(rt.Bars!.Count * 0.7));
            AssertKernelMetrics(rt, slot, s.GetProperty("out_of_sample"), (int)(rt.Bars!.Count * 0.7), rt.Bars.Count);
            var paper = s.GetProperty("paper");
            var trades = slot.Runner!.Trades.Count;
            Assert.Equal(trades, paper.GetProperty("trades").GetInt32());
            Assert.InRange(paper.GetProperty("win_rate").GetDouble(), 0, 1);
            Assert.InRange(paper.GetProperty("max_drawdown").GetDouble(), 0, 1);
            Assert.Equal(JsonValueKind.Number, paper.GetProperty("sharpe").ValueKind);
            Assert.Equal(s.GetProperty("equity_curve").EnumerateArray().Last().GetProperty("equity").GetDouble() / 10_000 - 1, paper.GetProperty("total_return").GetDouble(), 9);
        }

        await AssertResearchEndpointsAsync(serve);
        await AssertStreamAndMetricsAsync(serve, equity);
    }

    /// <summary>The backtest / out-of-sample columns are the kernel's backtest of the slot's genes over bars [from, to), in fractions.</summary>
    private static void AssertKernelMetrics(ResearchPlatform.Host.Service.Trading.TradingRuntime rt, ResearchPlatform.Host.Service.Trading.StrategySlot slot, JsonElement m, int from, int to)
    {
        var kernel = ResearchPlatform.Engine.Backtesting.Backtest.Run(rt.Bars!, slot.Strategy.Seed, [.. slot.Strategy.Genes],
            new ResearchPlatform.Engine.Backtesting.BacktestOptions { InitialCash = 10_000 }, new ResearchPlatform.Engine.Backtesting.BarRange(from, to)).Metrics;
        Assert.Equal(JsonValueKind.Object, m.ValueKind);
        Assert.Equal(kernel.TotalReturnPct / 100, m.GetProperty("total_return").GetDouble(), 9);
        Assert.Equal(kernel.Sharpe, m.GetProperty("sharpe").GetDouble(), 9);
        Assert.Equal(-kernel.MaxDrawdownPct / 100, m.GetProperty("max_drawdown").GetDouble(), 9);
        Assert.Equal(kernel.Trades, m.GetProperty("trades").GetInt32());
        Assert.InRange(m.GetProperty("win_rate").GetDouble(), 0, 1);
    }

    private static async Task AssertStreamAndMetricsAsync(InProcessServe serve, double equity)
    {
        // The event stream opens with a snapshot of health, portfolio (without its curve) and risk.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await serve.Http.GetAsync("/api/stream", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        Assert.Equal("event: snapshot", await reader.ReadLineAsync(cts.Token));
        var data = await reader.ReadLineAsync(cts.Token);
        Assert.StartsWith("data: ", data, StringComparison.Ordinal);
        using var snapshot = JsonDocument.Parse(data!["data: ".Length..]);
        Assert.True(snapshot.RootElement.GetProperty("health").GetProperty("healthy").GetBoolean());
        Assert.Equal(equity, snapshot.RootElement.GetProperty("portfolio").GetProperty("equity").GetDouble(), 6);
        Assert.False(snapshot.RootElement.GetProperty("portfolio").TryGetProperty("equity_curve", out var curve) && curve.ValueKind != JsonValueKind.Null);
        Assert.Equal(JsonValueKind.String, snapshot.RootElement.GetProperty("risk").GetProperty("level").ValueKind);
        await cts.CancelAsync();

        using var metrics = await serve.Http.GetAsync("/metrics");
        Assert.Equal(200, (int)metrics.StatusCode);
        Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE ", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertResearchEndpointsAsync(InProcessServe serve)
    {
        using var risk = await serve.GetJsonAsync("/api/risk");
        Assert.Contains(risk.RootElement.GetProperty("level").GetString(), new[] { "LOW", "MEDIUM", "HIGH", "CRITICAL", "EMERGENCY" });
        Assert.Equal(JsonValueKind.String, risk.RootElement.GetProperty("regime").ValueKind);
        Assert.Equal(JsonValueKind.Array, risk.RootElement.GetProperty("active_breakers").ValueKind);
        Assert.InRange(risk.RootElement.GetProperty("events").GetArrayLength(), 0, 50);
        Assert.Equal(serve.Runtime.RiskEvents.Count, risk.RootElement.GetProperty("events").GetArrayLength());

        using var plugins = await serve.GetJsonAsync("/api/plugins");
        var seeds = plugins.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "Seeds");
        Assert.Equal("loaded", seeds.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, seeds.GetProperty("error").ValueKind);
        var version = seeds.GetProperty("version").GetString()!;
        Assert.All(serve.Runtime.Slots, s => Assert.StartsWith("Seeds@" + version, s.PluginSource, StringComparison.Ordinal));

        using var runs = await serve.GetJsonAsync("/api/evolution/runs");
        Assert.Equal(0, runs.RootElement.GetArrayLength());
        var (missingRun, missingBody) = await GetStatusAsync(serve, "/api/evolution/runs/evo-9999");
        Assert.Equal(404, missingRun);
        Assert.Contains("evo-9999", missingBody.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var decisions = await serve.GetJsonAsync("/api/decisions?status=all");
        Assert.Equal(JsonValueKind.Array, decisions.RootElement.ValueKind);
        var (badStatus, badBody) = await GetStatusAsync(serve, "/api/decisions?status=maybe");
        Assert.Equal(400, badStatus);
        Assert.Contains("status", badBody.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var alerts = await serve.GetJsonAsync("/api/alerts?limit=5");
        Assert.InRange(alerts.RootElement.GetArrayLength(), 0, 5);
        using var rules = await serve.GetJsonAsync("/api/rules");
        Assert.All(rules.RootElement.EnumerateArray(), r => Assert.Contains(r.GetProperty("status").GetString(), new[] { "ok", "error" }));
        var (badLimit, _) = await GetStatusAsync(serve, "/api/orders?limit=0");
        Assert.Equal(400, badLimit);
    }

    private static async Task<(int Status, JsonDocument Body)> GetStatusAsync(InProcessServe serve, string path)
    {
        using var response = await serve.Http.GetAsync(path);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static void AssertTime(JsonElement e) =>
        Assert.True(e.ValueKind == JsonValueKind.String && e.TryGetDateTimeOffset(out _), $"not an ISO time: {e}");
}
