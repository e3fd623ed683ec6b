using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Host.Tests.TestSupport;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Tests.Service;

/// <summary>
/// Control endpoints of a real in-process service with a paced replay running: 401 without (or with a wrong) token,
/// and with it their effects: a stopped strategy places no orders, decisions take verdicts, positions reconcile with
/// the venue (a mismatch is reported with both quantities and alerted, sync adopts the venue's), alerts are
/// acknowledged, and the emergency stop halts trading.
/// </summary>
public sealed class ServeApiControlTests
{
    private static readonly string[] ControlPaths =
    [
        "/api/strategies/momentum-default/stop", "/api/strategies/momentum-default/start", "/api/decisions/d-1/approve",
        "/api/decisions/d-1/reject", "/api/alerts/a-1/ack", "/api/emergency-stop", "/api/positions/sync", "/api/operations/monitoring",
    ];

    [Fact]
    public async Task ControlEndpoints_WithoutTokenAre401_WithTokenTakeEffect()
    {
        // 1,318 daily bars at 20 bars per second: about 66 s of replay, long enough to act on it while it runs.
        await using var serve = await InProcessServe.StartAsync(replaySpeed: 86_400 * 20);
        var rt = serve.Runtime;
        foreach (var path in ControlPaths)
        {
            var (none, noneBody) = await serve.PostAsync(path, """{"confirm":true}""", token: string.Empty);
            var (wrong, _) = await serve.PostAsync(path, """{"confirm":true}""", token: new string('0', 64));
            Assert.True(none == 401, path);
            Assert.True(wrong == 401, path);
            Assert.Contains("bearer token", noneBody.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Null(rt.HaltReason); // nothing above took effect
        await StopAndStartAsync(serve);
        await DecisionVerdictsAsync(serve);
        await ReconcileAndSyncAsync(serve);
        await EmergencyStopAsync(serve);
    }

    private static async Task StopAndStartAsync(InProcessServe serve)
    {
        var rt = serve.Runtime;
        var id = rt.Slots[0].Id;
        using (var running = await serve.GetJsonAsync("/api/strategies"))
        {
            Assert.All(running.RootElement.EnumerateArray(), s => Assert.True(s.GetProperty("running").GetBoolean()));
        }

        var (status, body) = await serve.PostAsync($"/api/strategies/{id}/stop");
        Assert.Equal(200, status);
        Assert.False(body.RootElement.GetProperty("running").GetBoolean());
        var ordersAtStop = await OrderCountAsync(serve, id);
        var barAtStop = rt.BarIndex;
        await InProcessServe.WaitUntilAsync(() => Task.FromResult(rt.BarIndex >= barAtStop + 60), "60 bars replayed after the stop");
        using (var after = await serve.GetJsonAsync("/api/strategies"))
        {
            var rows = after.RootElement.EnumerateArray().ToList();
            Assert.False(rows.Single(s => s.GetProperty("id").GetString() == id).GetProperty("running").GetBoolean());
            Assert.All(rows.Where(s => s.GetProperty("id").GetString() != id), s => Assert.True(s.GetProperty("running").GetBoolean()));
        }

        Assert.Equal(ordersAtStop, await OrderCountAsync(serve, id)); // no new orders while stopped
        var (started, startedBody) = await serve.PostAsync($"/api/strategies/{id}/start");
        Assert.Equal(200, started);
        Assert.True(startedBody.RootElement.GetProperty("running").GetBoolean());
        var (unknown, unknownBody) = await serve.PostAsync("/api/strategies/nope/stop");
        Assert.Equal(404, unknown);
        Assert.Contains("nope", unknownBody.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static async Task DecisionVerdictsAsync(InProcessServe serve)
    {
        var db = serve.App.Services.GetRequiredService<WorkspaceDb>();
        var at = DateTimeOffset.UnixEpoch.AddDays(20_000);
        await db.UseAsync(d =>
        {
            var store = new DecisionStore(d);
            store.Save(new DecisionRecord("dec-a", at, Decide.RiskMultiplier(0.5, 0.4, "volatile", Urgency.High), DecisionRouting.QueuedForHuman, false));
            store.Save(new DecisionRecord("dec-b", at.AddMinutes(1), Decide.RiskMultiplier(0.7, 0.4, "drawdown", Urgency.Medium), DecisionRouting.QueuedForHuman, false));
            return 0;
        }, CancellationToken.None);
        using (var pending = await serve.GetJsonAsync("/api/decisions?status=pending"))
        {
            Assert.Equal(["dec-b", "dec-a"], pending.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
            Assert.All(pending.RootElement.EnumerateArray(), d => Assert.Equal("pending", d.GetProperty("status").GetString()));
        }

        var (approved, approvedBody) = await serve.PostAsync("/api/decisions/dec-a/approve", """{"reason":"checked"}""");
        var (rejected, _) = await serve.PostAsync("/api/decisions/dec-b/reject");
        var (again, _) = await serve.PostAsync("/api/decisions/dec-a/reject");
        var (badBody, badText) = await serve.PostAsync("/api/decisions/dec-a/approve", """{"reason":5}""");
        var (missing, _) = await serve.PostAsync("/api/decisions/dec-zzz/approve");
        Assert.Equal(200, approved);
        Assert.Equal("approved", approvedBody.RootElement.GetProperty("status").GetString());
        Assert.Equal(200, rejected);
        Assert.Equal(409, again);
        Assert.Equal(400, badBody);
        Assert.Contains("reason", badText.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, missing);
        using var all = await serve.GetJsonAsync("/api/decisions?status=all");
        var statuses = all.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("status").GetString());
        Assert.Equal("approved", statuses["dec-a"]);
        Assert.Equal("rejected", statuses["dec-b"]);
        using var stillPending = await serve.GetJsonAsync("/api/decisions?status=pending");
        Assert.Equal(0, stillPending.RootElement.GetArrayLength());
    }

    private static async Task ReconcileAndSyncAsync(InProcessServe serve)
    {
        var rt = serve.Runtime;
        var slot = rt.Slots[^1];
        await rt.Gate.WaitAsync();
        try
        {
            // A book that drifted from the venue (a missed fill): the order manager believes 0.5 BTC more than it holds.
            var book = slot.Runner!.Manager.Positions;
            book.ForceSet("BTC/USD", book.QuantityOf("BTC/USD") + 0.5m, 20_000m);
        }
        finally
        {
            rt.Gate.Release();
        }

        using (var positions = await serve.GetJsonAsync("/api/positions"))
        {
            var row = positions.RootElement.EnumerateArray().Single(p => p.GetProperty("strategy_id").GetString() == slot.Id);
            Assert.Equal("mismatch", row.GetProperty("reconciliation").GetString());
            Assert.False(row.GetProperty("reconciled").GetBoolean());
            Assert.Equal(row.GetProperty("venue_quantity").GetDouble() + 0.5, row.GetProperty("quantity").GetDouble(), 9);
            Assert.All(positions.RootElement.EnumerateArray().Where(p => p.GetProperty("strategy_id").GetString() != slot.Id), p => Assert.True(p.GetProperty("reconciled").GetBoolean()));
        }

        var alert = await WaitForAlertAsync(serve, $"position_mismatch:{slot.Id}:BTC/USD"); // the history is written by the alert service's worker
        Assert.Equal("warning", alert.GetProperty("level").GetString());
        Assert.Equal(1, alert.GetProperty("count").GetInt32()); // raised once per mismatch, not per read
        using (await serve.GetJsonAsync("/api/positions"))
        {
        }

        using (var again = await serve.GetJsonAsync("/api/alerts?category=trading"))
        {
            Assert.Equal(1, again.RootElement.EnumerateArray().Single(a => a.GetProperty("key").GetString() == $"position_mismatch:{slot.Id}:BTC/USD").GetProperty("count").GetInt32());
        }

        var (status, sync) = await serve.PostAsync("/api/positions/sync");
        Assert.Equal(200, status);
        var synced = Assert.Single(sync.RootElement.GetProperty("synced").EnumerateArray());
        Assert.Equal(slot.Id, synced.GetProperty("strategy_id").GetString());
        Assert.Equal(0.5, synced.GetProperty("expected_before").GetDouble() - synced.GetProperty("venue_quantity").GetDouble(), 9);
        Assert.All(sync.RootElement.GetProperty("positions").EnumerateArray(), p => Assert.Equal("matched", p.GetProperty("reconciliation").GetString()));
        using (var state = JsonDocument.Parse(await File.ReadAllTextAsync(rt.Settings.SnapshotPath)))
        {
            // the sync decision is in the state snapshot at once: a restore re-applies it at its bar
            var control = state.RootElement.GetProperty("controls").EnumerateArray().Last();
            Assert.Equal("position_sync", control.GetProperty("action").GetString());
            Assert.Equal(slot.Id, control.GetProperty("strategy").GetString());
            Assert.Equal(synced.GetProperty("venue_quantity").GetDouble(), (double)control.GetProperty("quantity").GetDecimal(), 9);
        }

        var id = alert.GetProperty("id").GetString();
        var (ack, ackBody) = await serve.PostAsync($"/api/alerts/{id}/ack");
        Assert.Equal(200, ack);
        Assert.True(ackBody.RootElement.GetProperty("acknowledged").GetBoolean());
        using var acked = await serve.GetJsonAsync("/api/alerts?acknowledged=true");
        Assert.Contains(acked.RootElement.EnumerateArray(), a => a.GetProperty("id").GetString() == id && a.GetProperty("acknowledged_at").ValueKind == JsonValueKind.String);
        var (ackMissing, _) = await serve.PostAsync("/api/alerts/no-such-alert/ack");
        Assert.Equal(404, ackMissing);
    }

    private static async Task EmergencyStopAsync(InProcessServe serve)
    {
        var rt = serve.Runtime;
        var (refused, _) = await serve.PostAsync("/api/emergency-stop", """{"confirm":false}""");
        Assert.Equal(400, refused);
        Assert.False(rt.Finished, "the replay should still be running (machine too slow?)");
        var (status, body) = await serve.PostAsync("/api/emergency-stop", """{"confirm":true}""");
        Assert.Equal(200, status);
        Assert.True(body.RootElement.GetProperty("halted").GetBoolean());
        using var health = await serve.GetJsonAsync("/api/health");
        Assert.True(health.RootElement.GetProperty("live_trading_blocked").GetBoolean());
        Assert.Contains("emergency stop", health.RootElement.GetProperty("blocked_reason").GetString(), StringComparison.Ordinal);
        var orderManager = health.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "order_manager");
        Assert.Equal("DEGRADED", orderManager.GetProperty("status").GetString());
        using var risk = await serve.GetJsonAsync("/api/risk");
        Assert.Equal("EMERGENCY", risk.RootElement.GetProperty("level").GetString());
        using var strategies = await serve.GetJsonAsync("/api/strategies");
        Assert.All(strategies.RootElement.EnumerateArray(), s => Assert.False(s.GetProperty("running").GetBoolean()));

        var bar = rt.BarIndex;
        var orders = await OrderCountAsync(serve, null);
        await Task.Delay(500);
        Assert.Equal(bar, rt.BarIndex); // the replay halted
        Assert.Equal(orders, await OrderCountAsync(serve, null));
        using var after = await serve.GetJsonAsync("/api/orders?limit=10000");
        var states = after.RootElement.EnumerateArray().Select(o => o.GetProperty("status").GetString()).ToList();
        Assert.DoesNotContain(states, s => s is "initialized" or "submitted" or "accepted" or "partially_filled" or "pending_modify"); // every working order got a cancel
        Assert.InRange(states.Count(s => s == "pending_cancel"), 0, body.RootElement.GetProperty("cancelled_orders").GetInt32());
    }

    private static async Task<int> OrderCountAsync(InProcessServe serve, string? strategyId)
    {
        using var orders = await serve.GetJsonAsync("/api/orders?limit=10000");
        return orders.RootElement.EnumerateArray().Count(o => strategyId is null || o.GetProperty("strategy_id").GetString() == strategyId);
    }

    /// <summary>The alert with <paramref name="key"/> once the alert service has stored it (its writes are asynchronous).</summary>
    private static async Task<JsonElement> WaitForAlertAsync(InProcessServe serve, string key)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using (var alerts = await serve.GetJsonAsync("/api/alerts?category=trading&limit=500"))
            {
                foreach (var a in alerts.RootElement.EnumerateArray())
                {
                    if (a.GetProperty("key").GetString() == key)
                    {
                        return a.Clone();
                    }
                }
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"alert {key} not listed within 30 s");
            await Task.Delay(100);
        }
    }
}
