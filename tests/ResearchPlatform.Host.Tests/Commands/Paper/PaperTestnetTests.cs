using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResearchPlatform.Host.Commands.Paper.Testnet;
using ResearchPlatform.Host.Tests.TestSupport;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Venue;
using Xunit.Abstractions;

namespace ResearchPlatform.Host.Tests.Commands.Paper;

/// <summary>
/// <c>rp paper --mode testnet</c> as a real process against a local signature-verifying Hyperliquid venue started in the
/// test: orders are signed, accepted and filled through the plugin's adapter; the venue's fills and position equal the
/// journal's by cloid; a kill -9 and <c>--resume</c> neither duplicate nor lose an order; faults are survived.
/// </summary>
public sealed class PaperTestnetTests(ITestOutputHelper output)
{
    private const string Key = "0x0123456789012345678901234567890123456789012345678901234567890123";
    private static readonly string Address = HyperliquidPrivateKey.Parse(Key).Address;

    [Fact]
    public async Task Testnet_AgainstLocalVenue_SignedOrdersFillAndVenueEqualsJournalByCloid()
    {
        using var dir = new TempDir();
        await using var venue = await StartVenueAsync(FaultProfile.None);
        var ws = dir.File("ws");

        var (exit, stdout, stderr) = await RpSession.RunAsync(ws, Args(venue, KeyFile(dir), "12"));

        output.WriteLine(stderr);
        Assert.True(exit == 0, stderr);
        Assert.True(stdout.Length > 0, "no report on stdout: " + stderr);
        using var report = JsonDocument.Parse(stdout);
        var strategy = report.RootElement.GetProperty("strategies")[0];
        var reconciliation = strategy.GetProperty("reconciliation");
        Assert.True(reconciliation.GetProperty("agrees").GetBoolean(), reconciliation.GetRawText());
        Assert.True(strategy.GetProperty("orders_filled").GetInt32() >= 1, stdout);
        Assert.Equal(0, venue.BadSignatures);
        Assert.Equal(0, venue.BadNonces);
        var session = report.RootElement.GetProperty("session_id").GetString()!;
        await AssertVenueEqualsJournalAsync(venue, ws, session, report.RootElement);
        var (listExit, listOut, _) = await RpSession.RunAsync(ws, "orders", "list", "--session", session, "--json");
        Assert.Equal(0, listExit);
        // every order the journal knows is listed: sent ones and ones refused before leaving (e.g. a closing order under
        // the venue's $10 minimum value)
        var journaled = Journal(ws, session);
        Assert.Equal(journaled.Submitted.Count + journaled.Denied.Count, JsonNode.Parse(listOut)!.AsArray().Count);
    }

    [Fact]
    public async Task Testnet_VenueChargesFunding_ReportBooksTheAccountsUserFundingAndReconciles()
    {
        using var dir = new TempDir();
        await using var venue = await StartVenueAsync(FaultProfile.None);
        var ws = dir.File("ws");

        var (exit, stdout, stderr) = await RpSession.RunAsync(ws, [.. Args(venue, KeyFile(dir), "12"), "--cash", "10000"]);

        output.WriteLine(stdout + "\n" + stderr);
        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        var strategy = report.RootElement.GetProperty("strategies")[0];
        var reconciliation = strategy.GetProperty("reconciliation");
        Assert.True(reconciliation.GetProperty("agrees").GetBoolean(), reconciliation.GetRawText());
        // The session closed its position (funding stops) and the fresh account traded nothing else: every userFunding
        // entry is the session's, and the venue's account value moved by exactly the session's net PnL (fees, funding).
        Assert.Equal(0m, venue.PositionOf(Address, "BTC"));
        var entries = (await InfoAsync(venue, new { type = "userFunding", user = Address, startTime = 0 })).AsArray();
        var charged = entries.Sum(e => decimal.Parse(e!["delta"]!["usdc"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.True(entries.Count > 0 && charged != 0m, $"the venue charged no funding ({entries.Count} entries)");
        var funding = strategy.GetProperty("funding").GetDecimal();
        Assert.Equal(charged, funding);
        var netPnl = reconciliation.GetProperty("journal_net_pnl").GetDecimal();
        Assert.Equal(netPnl, reconciliation.GetProperty("venue_net_pnl").GetDecimal());
        var state = await InfoAsync(venue, new { type = "clearinghouseState", user = Address });
        var accountValue = decimal.Parse(state["marginSummary"]!["accountValue"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(accountValue - venue.Options.StartingCash - netPnl) < 0.0001m, $"venue account value {accountValue}, session net PnL {netPnl} incl. funding {funding}");
        // cash + PnL, summed in the direction the report sums it: decimal keeps ~28 significant digits, so an averaged entry
        // price's tail (e.g. -19.630982880000000000000000001) is rounded off in 10000 + PnL and (cash + PnL) - cash != PnL
        Assert.Equal(10_000m + netPnl, strategy.GetProperty("final_equity").GetDecimal());
    }

    [Fact]
    public async Task Testnet_TrailingStop_ModifiesTheVenueStopAsThePriceMovesAndNothingIsLeftAtTheVenue()
    {
        using var dir = new TempDir();
        await using var venue = await StartVenueAsync(FaultProfile.None);
        var ws = dir.File("ws");

        // slow momentum: positions last several candles, so the trailing stop has prices to follow
        string[] args = [.. Args(venue, KeyFile(dir), "24").Select(a => a switch { "fast=2" => "fast=10", "slow=5" => "slow=40", _ => a })];
        var (exit, stdout, stderr) = await RpSession.RunAsync(ws, args);

        output.WriteLine(stderr);
        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        var reconciliation = report.RootElement.GetProperty("strategies")[0].GetProperty("reconciliation");
        Assert.True(reconciliation.GetProperty("agrees").GetBoolean(), reconciliation.GetRawText());
        var session = report.RootElement.GetProperty("session_id").GetString()!;
        var entries = ReadShared(Path.Combine(ws, "journals", session, "S1.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var stops = entries.Where(e => e["kind"]!.GetValue<string>() == "submitted" && e["order"]!["type"]!.GetValue<string>() == "stop")
            .ToDictionary(e => e["client_order_id"]!.GetValue<string>(), e => e["order"]!);
        Assert.True(stops.Count > 0, "no stop order placed: " + stderr);
        var moves = entries.Where(e => e["kind"]!.GetValue<string>() == "modified" && stops.ContainsKey(e["client_order_id"]!.GetValue<string>())).ToList();
        Assert.True(moves.Count > 0, $"{stops.Count} stop orders, none trailed: " + string.Join("\n", entries.Select(e => e.ToJsonString())));
        Assert.DoesNotContain(entries, e => e["kind"]!.GetValue<string>() == "modify_rejected");
        foreach (var group in moves.GroupBy(e => e["client_order_id"]!.GetValue<string>()))
        {
            // the level never loosens: a sell stop (long) only up, a buy stop (short) only down (a move the venue's price
            // rounding brings back to the same level stays there)
            var sell = stops[group.Key]["side"]!.GetValue<string>() == "sell";
            var levels = new[] { stops[group.Key]["trigger_price"]!.GetValue<decimal>() }.Concat(group.Select(e => e["trigger_price"]!.GetValue<decimal>())).ToList();
            Assert.True(levels.Zip(levels.Skip(1)).All(p => sell ? p.Second >= p.First : p.Second <= p.First) && levels[^1] != levels[0], $"{group.Key}: {string.Join(", ", levels)}");
        }

        // every stop ended at the venue (a modified stop has a new venue id; the session end canceled it under that id)
        var open = (await InfoAsync(venue, new { type = "openOrders", user = Address })).AsArray();
        Assert.Empty(open);
        await AssertVenueEqualsJournalAsync(venue, ws, session, report.RootElement);
    }

    [Fact]
    public async Task Testnet_KillNineThenResume_NoOrderDuplicatedOrLost()
    {
        using var dir = new TempDir();
        await using var venue = await StartVenueAsync(FaultProfile.None);
        var ws = dir.File("ws");
        var key = KeyFile(dir);
        var run = RpSession.Start(ws, Args(venue, key, "16"));
        var journal = await WaitForSubmittedAsync(ws, run, 3);
        run.Kill();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        var session = Path.GetFileName(Path.GetDirectoryName(journal))!;
        var atKill = Journal(ws, session).Submitted.Count;

        var (exit, stdout, stderr) = await RpSession.RunAsync(ws, "paper", "--resume", session, "--key-file", key, "--json");

        output.WriteLine($"{atKill} orders journaled at the kill\n{stderr}");
        Assert.True(exit == 0, stderr);
        Assert.True(stdout.Length > 0, "no report on stdout: " + stderr);
        using var report = JsonDocument.Parse(stdout);
        var reconciliation = report.RootElement.GetProperty("strategies")[0].GetProperty("reconciliation");
        Assert.True(reconciliation.GetProperty("agrees").GetBoolean(), reconciliation.GetRawText());
        Assert.True(Journal(ws, session).Submitted.Count >= atKill);
        await AssertVenueEqualsJournalAsync(venue, ws, session, report.RootElement);
    }

    [Fact]
    public async Task Testnet_FaultProfile429And5xxAndDroppedSockets_EveryOrderTerminalAndVenueAgrees()
    {
        using var dir = new TempDir();
        var faults = new FaultProfile { Rate429 = 0.1, Rate5xx = 0.1, WsDropEveryMs = 1500, Seed = 3 };
        await using var venue = await StartVenueAsync(faults);
        var ws = dir.File("ws");

        var (exit, stdout, stderr) = await RpSession.RunAsync(ws, Args(venue, KeyFile(dir), "10"));

        output.WriteLine($"{venue.InjectedFaults} injected faults, {venue.DroppedWebSockets} dropped sockets\n{stderr}");
        Assert.True(exit == 0, stderr);
        Assert.True(stdout.Length > 0, "no report on stdout: " + stderr);
        using var report = JsonDocument.Parse(stdout);
        var reconciliation = report.RootElement.GetProperty("strategies")[0].GetProperty("reconciliation");
        Assert.True(reconciliation.GetProperty("agrees").GetBoolean(), reconciliation.GetRawText());
        Assert.True(venue.InjectedFaults > 0 && venue.DroppedWebSockets > 0, "faults were injected");
        var session = report.RootElement.GetProperty("session_id").GetString()!;
        var (listExit, listOut, listErr) = await RpSession.RunAsync(ws, "orders", "list", "--session", session, "--json");
        Assert.True(listExit == 0, listErr);
        Assert.All(JsonNode.Parse(listOut)!.AsArray(), o => Assert.Contains(o!["state"]!.GetValue<string>(), new[] { "Filled", "Canceled", "Rejected", "Expired" }));
        await AssertVenueEqualsJournalAsync(venue, ws, session, report.RootElement);
    }

    [Fact]
    public async Task Testnet_UnreachableVenueMissingKeyUnknownCoinOrMainnet_ExitTwo()
    {
        using var dir = new TempDir();
        await using var venue = await StartVenueAsync(FaultProfile.None);
        var ws = dir.File("ws");
        var key = KeyFile(dir);
        string[] strategy = ["--seed", "momentum", "--bars", "3"];
        var unreachable = RpSession.RunAsync(ws, ["paper", "--mode", "testnet", "--venue-url", "http://127.0.0.1:1", "--key-file", key, .. strategy]);
        var noKey = RpSession.RunAsync(ws, ["paper", "--mode", "testnet", "--venue-url", venue.BaseUrl.ToString(), "--key-file", dir.File("missing.key"), .. strategy]);
        var coin = RpSession.RunAsync(ws, ["paper", "--mode", "testnet", "--venue-url", venue.BaseUrl.ToString(), "--key-file", key, "--coin", "DOGE", .. strategy]);
        var mainnet = RpSession.RunAsync(ws, ["paper", "--mode", "testnet", "--venue-url", "https://api.hyperliquid.xyz", "--key-file", key, .. strategy]);

        var results = await Task.WhenAll(unreachable, noKey, coin, mainnet);

        Assert.All(results, r => Assert.True(r.Exit == 2 && r.Stdout.Length == 0, r.Stderr));
        Assert.Contains("unreachable", results[0].Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", results[1].Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown coin 'DOGE'", results[2].Stderr, StringComparison.Ordinal);
        Assert.Contains("--i-understand-this-is-mainnet", results[3].Stderr, StringComparison.Ordinal);
    }

    private static string[] Args(LocalVenue venue, string keyFile, string bars) =>
        ["paper", "--mode", "testnet", "--venue-url", venue.BaseUrl.ToString(), "--key-file", keyFile, "--coin", "BTC",
         "--seed", "momentum", "--gene", "fast=2", "--gene", "slow=5", "--bars", bars, "--json"];

    private static Task<LocalVenue> StartVenueAsync(FaultProfile faults) => LocalVenue.StartAsync(
        new LocalVenueOptions { Accounts = [Address], HistoryBars = 300, StepPeriod = TimeSpan.FromMilliseconds(300), Faults = faults, Seed = 11 },
        CancellationToken.None);

    private static string KeyFile(TempDir dir)
    {
        var path = dir.Write("key.txt", Key + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>
    /// Every journaled order once, the venue's fills per cloid equal the journal's, no venue fill of an unknown order,
    /// and the venue's position is the report's journal position (flat unless a residue below the $10 minimum stayed).
    /// </summary>
    private static async Task AssertVenueEqualsJournalAsync(LocalVenue venue, string ws, string session, JsonElement report)
    {
        var journal = Journal(ws, session);
        Assert.Equal(journal.Submitted.Count, journal.Submitted.Distinct().Count());
        using var http = new HttpClient { BaseAddress = venue.BaseUrl };
        JsonArray? fills = null;
        for (var attempt = 0; fills is null && attempt < 50; attempt++)
        {
            // A fault profile answers some requests with 429/5xx, the test's own too: ask again.
            using var response = await http.PostAsJsonAsync("info", new { type = "userFills", user = Address });
            fills = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonArray>() : null;
        }

        Assert.NotNull(fills);
        var byCloid = fills.GroupBy(f => f!["cloid"]?.GetValue<string>() ?? "").ToDictionary(g => g.Key, g => g.Sum(f => decimal.Parse(f!["sz"]!.GetValue<string>(), CultureInfo.InvariantCulture)));
        var cloids = journal.Submitted.ToDictionary(CloidMappedAdapter.CloidOf, id => id);
        Assert.All(byCloid.Keys, c => Assert.True(cloids.ContainsKey(c), $"venue fill under cloid {c}, which no journaled order has"));
        foreach (var (cloid, id) in cloids)
        {
            Assert.Equal(journal.Filled.GetValueOrDefault(id), byCloid.GetValueOrDefault(cloid));
        }

        var position = report.GetProperty("strategies")[0].GetProperty("reconciliation").GetProperty("journal_position").GetDecimal();
        Assert.Equal(position, venue.PositionOf(Address, "BTC"));
        // The session closes its position at the end; only a remainder the venue refuses to trade (an order below its $10
        // minimum value, which the validator refuses before sending) may stay open.
        if (Math.Abs(position) * venue.Options.Assets[0].StartPrice * 1.2m >= 10m)
        {
            Assert.True(journal.Denied.Values.Any(r => r.Contains("notional-min", StringComparison.Ordinal)), $"position {position} left open (denied orders: {string.Join("; ", journal.Denied.Values)})");
        }
    }

    private static async Task<JsonNode> InfoAsync(LocalVenue venue, object request)
    {
        using var http = new HttpClient { BaseAddress = venue.BaseUrl };
        using var response = await http.PostAsJsonAsync("info", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private static (List<string> Submitted, Dictionary<string, decimal> Filled, Dictionary<string, string> Denied) Journal(string ws, string session)
    {
        var submitted = new List<string>();
        var denied = new Dictionary<string, string>(StringComparer.Ordinal);
        var filled = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in ReadShared(Path.Combine(ws, "journals", session, "S1.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var e = JsonNode.Parse(line)!;
            var id = e["client_order_id"]!.GetValue<string>();
            switch (e["kind"]!.GetValue<string>())
            {
                case "submitted":
                    submitted.Add(id);
                    break;
                case "filled":
                    filled[id] = filled.GetValueOrDefault(id) + e["fill_quantity"]!.GetValue<decimal>();
                    break;
                case "denied":
                    denied[id] = e["reason"]?.GetValue<string>() ?? string.Empty;
                    break;
            }
        }

        return (submitted, filled, denied);
    }

    private static async Task<string> WaitForSubmittedAsync(string ws, RpSession run, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var file = Directory.Exists(Path.Combine(ws, "journals")) ? Directory.GetFiles(Path.Combine(ws, "journals"), "S1.jsonl", SearchOption.AllDirectories).FirstOrDefault() : null;
            if (file is not null && ReadShared(file).Split('\n').Count(l => l.Contains("\"kind\":\"submitted\"", StringComparison.Ordinal)) >= count)
            {
                return file;
            }

            Assert.False(run.HasExited, "the session ended before the kill: " + run.Stderr);
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), "no orders in 90 s: " + run.Stderr);
            await Task.Delay(20);
        }
    }

    private static string ReadShared(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
