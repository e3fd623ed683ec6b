using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Commands.Paper.Testnet;
using ResearchPlatform.Host.Tests.TestSupport;
using static ResearchPlatform.Host.Tests.TestSupport.LiveServe;

namespace ResearchPlatform.Host.Tests.Service;

/// <summary>
/// <c>rp serve --mode live --exchange hyperliquid</c> as real processes against a local signature-verifying venue
/// started in the test: the exchange component is the plugin's adapter, the pool trades through it (signed orders
/// filled), kill -9 and a restart place no client order id twice and the venue's fills equal the journals by cloid, the
/// dashboard's positions are the venue's, the key is never printed; mainnet, a missing key or a missing --exchange are
/// refused with exit 2.
/// </summary>
public sealed class ServeLiveTests
{
    /// <summary>The strategy the first test stops and starts again (the pool's momentum strategy).</summary>
    private const string Stopped = "momentum-default";

    [Fact]
    public async Task ServeLive_AgainstLocalVenue_TradesThroughTheAdapter_Kill9Restart_StopOneStrategy_HaltSurvives_EveryCloidOnceAndVenueEqualsJournal()
    {
        using var dir = new TempDir();
        await using var venue = await VenueAsync();
        var ws = Directory.CreateDirectory(dir.File("ws")).FullName;
        var args = Args(venue, KeyFile(dir));

        HashSet<string> atKill;
        List<string> stoppedAt;
        var (first, url) = await ServeProcess.StartAsync(ws, args);
        using (first)
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            using var components = JsonDocument.Parse(await http.GetStringAsync("/api/components"));
            var byName = components.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
            Assert.Equal("CONNECTED", byName["exchange"].GetProperty("status").GetString());
            Assert.Contains($"signer {Address}", byName["exchange"].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains(venue.BaseUrl.ToString(), byName["exchange"].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains("closed BTC 1h candles from the venue", byName["market_data"].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal("CONNECTED", byName["paper_engine"].GetProperty("status").GetString());
            using (var health = JsonDocument.Parse(await http.GetStringAsync("/api/health")))
            {
                Assert.False(health.RootElement.GetProperty("live_trading_blocked").GetBoolean(), health.RootElement.GetRawText());
            }

            await WaitAsync(() => Journals(ws).Submitted.Count >= 3, first, "3 orders journaled");
            first.KillHard();
            atKill = [.. Journals(ws).Submitted];
        }

        var (second, url2) = await ServeProcess.StartAsync(ws, args);
        using (second)
        {
            using var http = new HttpClient { BaseAddress = url2, Timeout = TimeSpan.FromSeconds(30) };
            await WaitAsync(() => second.Stderr.Contains("bar 3 ", StringComparison.Ordinal), second, "3 candles traded after the restart");

            // the dashboard's positions are the venue account's (between two candles they agree)
            var agreed = false;
            for (var attempt = 0; attempt < 50 && !agreed; attempt++)
            {
                using var positions = JsonDocument.Parse(await http.GetStringAsync("/api/positions"));
                var shown = positions.RootElement.EnumerateArray().Where(p => p.GetProperty("symbol").GetString() == "BTC").Sum(p => p.GetProperty("venue_quantity").GetDecimal());
                Assert.All(positions.RootElement.EnumerateArray(), p => Assert.Equal("venue", p.GetProperty("reconciliation").GetString()));
                agreed = shown == venue.PositionOf(Address, "BTC");
                await Task.Delay(agreed ? 0 : 50);
            }

            Assert.True(agreed, "/api/positions never showed the venue's BTC position");
            var resumed = Regex.Match(second.Stderr, @"bar 1 .*orders (\d+)");
            Assert.True(resumed.Success && int.Parse(resumed.Groups[1].Value, CultureInfo.InvariantCulture) >= atKill.Count, second.Stderr); // the restart resumed the first process's orders

            using (var strategies = JsonDocument.Parse(await http.GetStringAsync("/api/strategies")))
            {
                Assert.True(strategies.RootElement.GetArrayLength() > 0);
                Assert.All(strategies.RootElement.EnumerateArray(), s => Assert.True(s.GetProperty("stage").GetString() == "live" && s.GetProperty("running").GetBoolean(), s.GetRawText()));
            }

            // one strategy stopped: its open orders are cancelled at the venue, it places nothing while the others trade on
            Assert.Equal(404, await PostAsync(http, ws, "/api/strategies/no-such/stop", ""));
            Assert.Equal(200, await PostAsync(http, ws, $"/api/strategies/{Stopped}/stop", ""));
            await WaitAsync(async () => await RunningAsync(http) is var r && r.All(kv => kv.Value == (kv.Key != Stopped)), second, "the others running, the stopped one not");
            var stoppedIds = Journals(ws, Stopped).Submitted;
            var candles = Candles(second);
            await WaitAsync(() => Candles(second) >= candles + 3, second, "3 candles traded by the others");
            Assert.Equal(stoppedIds, Journals(ws, Stopped).Submitted);
            Assert.Empty((await VenueOpenCloidsAsync(venue)).Intersect(stoppedIds.Select(CloidMappedAdapter.CloidOf)));

            // emergency stop: the live loop stops, open orders are cancelled at the venue, and it survives kill -9
            Assert.Equal(200, await PostAsync(http, ws, "/api/emergency-stop", """{"confirm":true}"""));
            var atHalt = Journals(ws).Submitted.Count;
            await Task.Delay(1500); // 5 candles' worth: a halted system places nothing
            Assert.Equal(atHalt, Journals(ws).Submitted.Count);
            await AssertLiveViewsAsync(http, Journals(ws), traded: true); // halted: the books no longer change
            stoppedAt = Journals(ws, Stopped).Submitted;
            Assert.Equal(stoppedIds, stoppedAt);
            second.KillHard();
            Assert.DoesNotContain(Key[2..], first.Stdout + first.Stderr + second.Stdout + second.Stderr, StringComparison.OrdinalIgnoreCase);
        }

        var (third, url3) = await ServeProcess.StartAsync(ws, args);
        using (third)
        {
            using var http = new HttpClient { BaseAddress = url3, Timeout = TimeSpan.FromSeconds(30) };
            using (var health = JsonDocument.Parse(await http.GetStringAsync("/api/health")))
            {
                Assert.True(health.RootElement.GetProperty("live_trading_blocked").GetBoolean()); // still halted after the restart
                Assert.Contains("emergency stop", health.RootElement.GetProperty("blocked_reason").GetString(), StringComparison.Ordinal);
            }

            await Task.Delay(1500);
            Assert.DoesNotContain("bar 1 ", third.Stderr, StringComparison.Ordinal);
            await AssertLiveViewsAsync(http, Journals(ws), traded: false); // halted since the start: the views are the journals'
            Assert.Equal(200, await PostAsync(http, ws, "/api/resume", """{"confirm":true}"""));
            await WaitAsync(() => third.Stderr.Contains("bar 2 ", StringComparison.Ordinal), third, "2 candles traded after the resume");
            Assert.False((await RunningAsync(http))[Stopped]); // still stopped after two restarts and a resume
            Assert.Equal(stoppedAt, Journals(ws, Stopped).Submitted);

            // started again: it trades from its journal with the others
            Assert.Equal(200, await PostAsync(http, ws, $"/api/strategies/{Stopped}/start", ""));
            await WaitAsync(async () => (await RunningAsync(http)).Values.All(r => r), third, "every strategy running after the start");
            var candles = Candles(third);
            await WaitAsync(() => Candles(third) >= candles + 2, third, "2 candles traded after the start");
            Assert.Equal(0, await third.TerminateAsync(TimeSpan.FromSeconds(30)));
            Assert.DoesNotContain(Key[2..], third.Stdout + third.Stderr, StringComparison.OrdinalIgnoreCase);
        }

        var journal = Journals(ws);
        Assert.Equal(journal.Submitted.Count, journal.Submitted.Distinct().Count()); // every client order id (cloid) once across both processes
        Assert.Subset(journal.Submitted.ToHashSet(), atKill);
        var venueFills = await VenueFillsByCloidAsync(venue);
        var cloids = journal.Submitted.ToDictionary(CloidMappedAdapter.CloidOf, id => id);
        Assert.All(venueFills.Keys, c => Assert.True(cloids.ContainsKey(c), $"venue fill under cloid {c}, which no journaled order has"));
        foreach (var id in atKill)
        {
            Assert.Equal(journal.Filled.GetValueOrDefault(id), venueFills.GetValueOrDefault(CloidMappedAdapter.CloidOf(id))); // reconciled by cloid after the kill
        }

        Assert.True(journal.Filled.Count > 0, "no fills: the test proves nothing");
        Assert.Equal(0, venue.BadSignatures);
    }

    [Fact]
    public async Task ServeLive_StrategiesInTheLiveStage_OnlyTheyTrade_WithTheirGenesAndOwnClientIdPrefix_AndFollowStageChangesWithoutARestart()
    {
        using var dir = new TempDir();
        await using var venue = await VenueAsync();
        var ws = Directory.CreateDirectory(dir.File("ws")).FullName;
        using (var db = ResearchDatabase.Open(Path.Combine(ws, "research.duckdb")))
        {
            var store = new DeploymentStore(db);
            var at = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture);
            store.Insert(new DeployedStrategy("momentum-live1", "momentum", "seeds@1", """{"mode":1,"ma":0,"fast":3,"slow":8}""", "test", DeploymentStage.Live, 1, at, null, null, null), "test", at);
            store.Insert(new DeployedStrategy("momentum-paper1", "momentum", "seeds@1", """{"mode":1,"fast":4,"slow":9}""", "test", DeploymentStage.Paper, 0, at, null, null, null), "test", at);
        }

        var (serve, url) = await ServeProcess.StartAsync(ws, Args(venue, KeyFile(dir)));
        using (serve)
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            using (var components = JsonDocument.Parse(await http.GetStringAsync("/api/components")))
            {
                var engine = components.RootElement.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "paper_engine");
                Assert.Equal("CONNECTED", engine.GetProperty("status").GetString());
                Assert.Contains("1 strategies (the live deployment stage's: momentum-live1)", engine.GetProperty("reason").GetString(), StringComparison.Ordinal);
            }

            await WaitAsync(() => Journals(ws).Submitted.Count >= 1, serve, "1 order journaled");
            using (var strategies = JsonDocument.Parse(await http.GetStringAsync("/api/strategies")))
            {
                // Only the live-stage strategy is traded (controllable); the paper-stage one is listed from the store, not traded.
                var rows = strategies.RootElement.EnumerateArray().ToList();
                var only = Assert.Single(rows, r => r.GetProperty("controllable").GetBoolean());
                Assert.Equal(("momentum-live1", "live", 3.0, 8.0), (only.GetProperty("id").GetString(), only.GetProperty("stage").GetString(), only.GetProperty("genes").GetProperty("fast").GetDouble(), only.GetProperty("genes").GetProperty("slow").GetDouble()));
                var listed = Assert.Single(rows, r => !r.GetProperty("controllable").GetBoolean());
                Assert.Equal(("momentum-paper1", "paper", false), (listed.GetProperty("id").GetString(), listed.GetProperty("stage").GetString(), listed.GetProperty("running").GetBoolean()));
            }

            // promoted and retired while the service runs: the live set follows at a candle boundary, no restart
            await SetStagesAsync(ws, ("momentum-paper1", DeploymentStage.Live), ("momentum-live1", DeploymentStage.Retired));
            await WaitAsync(async () => await RunningAsync(http) is var r && r.Count == 1 && r.GetValueOrDefault("momentum-paper1"), serve, "momentum-paper1 alone trading");
            using (var after = JsonDocument.Parse(await http.GetStringAsync("/api/strategies")))
            {
                // the retired one is still listed, from the deployment store: not running, not controllable
                var row = Assert.Single(after.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == "momentum-live1");
                Assert.Equal(("retired", false, false), (row.GetProperty("stage").GetString(), row.GetProperty("running").GetBoolean(), row.GetProperty("controllable").GetBoolean()));
            }

            await WaitAsync(() => Journals(ws, "momentum-paper1").Submitted.Count >= 1, serve, "an order of the promoted strategy");
            var retired = Journals(ws, "momentum-live1").Submitted;
            Assert.Empty((await VenueOpenCloidsAsync(venue)).Intersect(retired.Select(CloidMappedAdapter.CloidOf)));
            var candles = Candles(serve);
            await WaitAsync(() => Candles(serve) >= candles + 2, serve, "2 more candles");
            Assert.Equal(retired, Journals(ws, "momentum-live1").Submitted); // the retired strategy places nothing
            Assert.Contains("left the set", serve.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, await serve.TerminateAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.Equal(["live-BTC-momentum-live1.jsonl", "live-BTC-momentum-paper1.jsonl"], Directory.GetFiles(Path.Combine(ws, "serve", "journal"), "live-*.jsonl").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(Journals(ws, "momentum-live1").Submitted, id => Assert.StartsWith("L-momentum-live1-", id, StringComparison.Ordinal));
        Assert.All(Journals(ws, "momentum-paper1").Submitted, id => Assert.StartsWith("L-momentum-paper1-", id, StringComparison.Ordinal));
    }

    /// <summary>Moves strategies to other stages in the workspace while <c>rp serve</c> runs (it opens the database briefly: retried while it holds it).</summary>
    private static async Task SetStagesAsync(string ws, params (string Id, DeploymentStage Stage)[] changes)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var db = ResearchDatabase.Open(Path.Combine(ws, "research.duckdb"));
                var store = new DeploymentStore(db);
                var at = DateTimeOffset.Parse("2026-01-02T00:00:00Z", CultureInfo.InvariantCulture);
                foreach (var (id, stage) in changes)
                {
                    var s = store.Get(id)!;
                    store.Update(s with { Stage = stage, StageSince = at }, s.Stage, "test", null, "test", at);
                }

                return;
            }
            catch (IOException) when (attempt < 150)
            {
                await Task.Delay(200);
            }
        }
    }

    [Fact]
    public async Task ServeLive_BadInput_Exit2BeforeAnythingStarts()
    {
        using var dir = new TempDir();
        var key = KeyFile(dir);
        var ws = dir.File("ws");
        string[] live = ["serve", "--port", "0", "--workspace", ws, "--mode", "live"];
        var results = await Task.WhenAll(
            RpProcess.RunAsync([.. live, "--exchange", "hyperliquid", "--network", "mainnet", "--key-file", key]),
            RpProcess.RunAsync([.. live, "--exchange", "hyperliquid", "--venue-url", "https://api.hyperliquid.xyz", "--key-file", key]),
            RpProcess.RunAsync([.. live, "--exchange", "hyperliquid", "--venue-url", "http://127.0.0.1:1", "--key-file", dir.File("missing.key")]),
            RpProcess.RunAsync([.. live, "--key-file", key]),
            RpProcess.RunAsync(["serve", "--port", "0", "--workspace", ws, "--coin", "ETH"]));
        Assert.All(results, r => Assert.True(r.ExitCode == 2 && r.StdOut.Length == 0, r.StdErr));
        Assert.Contains("--i-understand-this-is-mainnet", results[0].StdErr, StringComparison.Ordinal);
        Assert.Contains("MAINNET", results[1].StdErr, StringComparison.Ordinal);
        Assert.Contains("does not exist", results[2].StdErr, StringComparison.Ordinal);
        Assert.Contains("--exchange hyperliquid", results[3].StdErr, StringComparison.Ordinal);
        Assert.Contains("--coin: only with --mode live", results[4].StdErr, StringComparison.Ordinal);
        Assert.All(results, r => Assert.DoesNotContain(Key[2..], r.StdErr, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The live views against the journals: /api/orders lists exactly the journaled client order ids (the earlier
    /// process's too), /api/fills exactly the journaled fills, /api/strategies the halted live strategies with their
    /// equity, /api/portfolio the sum of their last equity.
    /// </summary>
    private static async Task AssertLiveViewsAsync(HttpClient http, (List<string> Submitted, Dictionary<string, decimal> Filled) journal, bool traded)
    {
        using var orders = JsonDocument.Parse(await http.GetStringAsync("/api/orders?limit=10000"));
        var shown = orders.RootElement.EnumerateArray().Select(o => o.GetProperty("client_order_id").GetString()!).ToList();
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Equal(journal.Submitted.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.All(orders.RootElement.EnumerateArray(), o => Assert.Equal("BTC", o.GetProperty("symbol").GetString()));

        using var fills = JsonDocument.Parse(await http.GetStringAsync("/api/fills?limit=10000"));
        var filled = fills.RootElement.EnumerateArray().GroupBy(f => f.GetProperty("client_order_id").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(f => f.GetProperty("quantity").GetDecimal()));
        Assert.Equal(journal.Filled.OrderBy(kv => kv.Key, StringComparer.Ordinal), filled.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.All(fills.RootElement.EnumerateArray(), f => Assert.True(f.GetProperty("side").GetString() is "buy" or "sell" && f.GetProperty("price").GetDouble() > 0, f.GetRawText()));

        using var strategies = JsonDocument.Parse(await http.GetStringAsync("/api/strategies"));
        Assert.True(strategies.RootElement.GetArrayLength() >= 2, strategies.RootElement.GetRawText());
        var last = 0.0;
        foreach (var s in strategies.RootElement.EnumerateArray())
        {
            Assert.Equal("live", s.GetProperty("stage").GetString());
            Assert.False(s.GetProperty("running").GetBoolean(), s.GetRawText()); // halted
            var curve = s.GetProperty("equity_curve");
            Assert.True(traded ? curve.GetArrayLength() >= 3 : curve.GetArrayLength() == 0, s.GetRawText()); // "bar 3" was traded by this process, or none
            last += traded ? curve[curve.GetArrayLength() - 1].GetProperty("equity").GetDouble() : 0;
        }

        if (!traded)
        {
            return;
        }

        var metrics = Regex.Match(await http.GetStringAsync("/metrics"), @"^rp_equity (\S+)$", RegexOptions.Multiline);
        Assert.Equal(last, double.Parse(metrics.Groups[1].Value, CultureInfo.InvariantCulture), 6); // /metrics shows the live books
        using var portfolio = JsonDocument.Parse(await http.GetStringAsync("/api/portfolio"));
        var p = portfolio.RootElement;
        Assert.True(p.GetProperty("bars_replayed").GetInt32() >= 3, p.GetRawText());
        Assert.Equal(last, p.GetProperty("equity").GetDouble(), 6);
        Assert.Equal(p.GetProperty("equity").GetDouble(), p.GetProperty("equity_curve").EnumerateArray().Last().GetProperty("equity").GetDouble(), 6);
    }
}
