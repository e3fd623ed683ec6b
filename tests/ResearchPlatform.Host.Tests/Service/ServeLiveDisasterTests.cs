using System.Text.Json;
using ResearchPlatform.Host.Commands.Paper.Testnet;
using ResearchPlatform.Host.Tests.TestSupport;
using static ResearchPlatform.Host.Tests.TestSupport.LiveServe;

namespace ResearchPlatform.Host.Tests.Service;

/// <summary>
/// Disaster mode in <c>rp serve --mode live</c>: a real process against a <see cref="Hyperliquid.Venue.LocalVenue"/>
/// that goes down (every request 503, WebSockets closed and refused) and comes back: the adapter's probes fail, disaster
/// mode engages (EMERGENCY alert, <c>exchange</c> ERROR, <c>/api/resilience</c> engaged, nothing traded or submitted),
/// then recovers (reconciled by cloid, INFORMATIONAL alert) and the live loop trades again.
/// </summary>
public sealed class ServeLiveDisasterTests
{
    [Fact]
    public async Task ServeLive_VenueOutage_DisasterModeStopsTrading_ThenReconcilesByCloidAndTradesAgain()
    {
        using var dir = new TempDir();
        await using var venue = await VenueAsync(rateLimitWeight: 1_000_000);
        var ws = Directory.CreateDirectory(dir.File("ws")).FullName;
        var config = dir.Write("resilience.json", """{"Resilience": {"FailureLimit": 3, "ProbeIntervalMs": 200, "ProbeTimeoutMs": 3000, "UnreachableAfterMs": 20000}}""");
        var (serve, url) = await ServeProcess.StartAsync(ws, [.. Args(venue, KeyFile(dir)), "--config", config]);
        using (serve)
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            await WaitAsync(() => Journals(ws).Submitted.Count >= 2, serve, "2 orders journaled");
            var beforeOutage = Journals(ws).Submitted.ToHashSet();

            venue.Outage = true;
            await WaitAsync(async () => (await DisasterAsync(http)).GetProperty("engaged").GetBoolean(), serve, "disaster mode engaged");
            var components = await ComponentsAsync(http);
            Assert.Equal("ERROR", components["exchange"].Status);
            Assert.Contains("DISASTER MODE", components["exchange"].Reason, StringComparison.Ordinal);
            Assert.Equal("ERROR", components["resilience"].Status);
            Assert.All((await RunningAsync(http)).Values, Assert.False);
            var atEngage = Journals(ws).Submitted.Count;
            var candles = Candles(serve);
            await Task.Delay(1500); // 5 candles' worth at the venue: nothing traded, nothing submitted
            Assert.Equal((atEngage, candles), (Journals(ws).Submitted.Count, Candles(serve)));

            venue.Outage = false;
            await WaitAsync(async () => (await DisasterAsync(http)) is var d && !d.GetProperty("engaged").GetBoolean() && d.GetProperty("recovered_at").ValueKind == JsonValueKind.String, serve, "disaster mode ended");
            await WaitAsync(() => Candles(serve) >= candles + 2, serve, "2 candles traded after the recovery");
            Assert.Equal("CONNECTED", (await ComponentsAsync(http))["exchange"].Status);
            Assert.All((await RunningAsync(http)).Values, Assert.True);

            using var alerts = JsonDocument.Parse(await http.GetStringAsync("/api/alerts?limit=500"));
            var levels = alerts.RootElement.EnumerateArray().ToDictionary(a => a.GetProperty("title").GetString()!, a => a.GetProperty("level").GetString()!.ToLowerInvariant(), StringComparer.Ordinal);
            Assert.Equal("emergency", levels.GetValueOrDefault("Disaster mode: venue unreachable"));
            Assert.Equal("informational", levels.GetValueOrDefault("Disaster mode ended: venue reachable"));
            Assert.Equal(0, await serve.TerminateAsync(TimeSpan.FromSeconds(30)));

            // the orders sent before the outage were reconciled by cloid: the venue's fills equal the journal's
            var journal = Journals(ws);
            Assert.Equal(journal.Submitted.Count, journal.Submitted.Distinct().Count());
            var venueFills = await VenueFillsByCloidAsync(venue);
            var cloids = journal.Submitted.ToHashSet().Select(CloidMappedAdapter.CloidOf).ToHashSet();
            Assert.All(venueFills.Keys, c => Assert.Contains(c, cloids));
            foreach (var id in beforeOutage)
            {
                Assert.Equal(journal.Filled.GetValueOrDefault(id), venueFills.GetValueOrDefault(CloidMappedAdapter.CloidOf(id)));
            }

            Assert.Equal(0, venue.BadSignatures);
        }
    }

    private static async Task<JsonElement> DisasterAsync(HttpClient http)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/resilience"));
        return doc.RootElement.GetProperty("disaster_mode").Clone();
    }

    private static async Task<Dictionary<string, (string Status, string Reason)>> ComponentsAsync(HttpClient http)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/components"));
        return doc.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => (c.GetProperty("status").GetString()!, c.GetProperty("reason").GetString() ?? ""));
    }
}
