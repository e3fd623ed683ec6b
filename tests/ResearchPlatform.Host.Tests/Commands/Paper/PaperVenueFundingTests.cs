using System.Text.Json;
using ResearchPlatform.Engine.Paper.Storage;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Tests.TestSupport;
using ResearchPlatform.Hyperliquid.Venue;

namespace ResearchPlatform.Host.Tests.Commands.Paper;

/// <summary>
/// <c>rp paper --funding hyperliquid --venue-url URL</c> as a real process against a local venue over HTTP: the rates are
/// fetched once (paged), stored with the session and paid on the replay's positions; bad venues exit 2.
/// </summary>
public sealed class PaperVenueFundingTests
{
    private const int Bars = 600;

    [Fact]
    public async Task FundingHyperliquid_LocalVenue_StoresServedRatesAndPaysRateTimesPositionTimesClose()
    {
        using var dir = new TempDir();
        await using var venue = await LocalVenue.StartAsync(new LocalVenueOptions { HistoryBars = 20, Seed = 3 }, CancellationToken.None);
        var csv = SyntheticCsv.Write(dir.File("bars.csv"), Bars);
        string[] args = ["paper", "--data", csv, "--symbol", "SYN/USDT", "--seed", "momentum", "--gene", "fast=3", "--gene", "slow=8", "--size", "fixed-units", "--units", "0.5", "--risk", "none", "--json", "--funding", "hyperliquid"];

        var runs = await Task.WhenAll(
            RpSession.RunAsync(dir.File("ws"), [.. args, "--venue-url", venue.BaseUrl.ToString(), "--coin", "BTC"]),
            RpSession.RunAsync(dir.File("ws2"), [.. args, "--venue-url", "http://127.0.0.1:1"]),
            RpSession.RunAsync(dir.File("ws3"), [.. args, "--venue-url", venue.BaseUrl.ToString()]));

        Assert.True(runs[0].Exit == 0, runs[0].Stderr);
        Assert.Contains("600 hourly rates of BTC", runs[0].Stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(runs[0].Stdout);
        var session = doc.RootElement.GetProperty("session_id").GetString()!;
        var strategy = doc.RootElement.GetProperty("strategies")[0];
        Assert.True(strategy.GetProperty("reconciliation").GetProperty("agrees").GetBoolean());
        var funding = strategy.GetProperty("funding").GetDecimal();

        using var db = ResearchDatabase.Open(Path.Combine(dir.File("ws"), ResearchDatabase.FileName));
        var stored = new PaperSessionStore(db, TimeProvider.System).Load(session)!;
        var rates = stored.Options.FundingRates!;
        var closes = File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).Select(c => (Open: DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture)), Close: (decimal)double.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(closes.Select(c => c.Open), rates.Select(r => r.Time));
        Assert.All(rates, r => Assert.Equal(venue.FundingRateAt("BTC", r.Time), r.Rate));

        var fills = Fills(db, session);
        Assert.NotEmpty(fills);
        var byTime = rates.ToDictionary(r => r.Time, r => r.Rate);
        var expected = 0m;
        for (var i = 1; i <= closes.Count; i++)
        {
            var boundary = i < closes.Count ? closes[i].Open : closes[^1].Open.AddHours(1);
            var position = fills.Where(f => f.Time < boundary).Sum(f => f.Signed);
            expected += decimal.Round(-position * closes[i - 1].Close * byTime.GetValueOrDefault(boundary), 8, MidpointRounding.AwayFromZero);
        }

        Assert.NotEqual(0m, funding);
        Assert.InRange(funding - expected, -0.000001m, 0.000001m);

        Assert.Equal(2, runs[1].Exit);
        Assert.Contains("unreachable", runs[1].Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, runs[1].Stdout);
        Assert.Equal(2, runs[2].Exit);
        Assert.Contains("fundingHistory for SYN", runs[2].Stderr, StringComparison.Ordinal);
    }

    private static List<(DateTimeOffset Time, decimal Signed)> Fills(ResearchDatabase db, string session)
    {
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = """
            SELECT f.ts, CASE WHEN o.side = 'Buy' THEN f.quantity ELSE -f.quantity END
            FROM order_fills f JOIN paper_orders o ON o.client_order_id = f.client_order_id AND o.session_id = $s
            WHERE f.journal_id = $s || '/S1' ORDER BY f.ts
            """;
        var p = cmd.CreateParameter();
        p.ParameterName = "s";
        p.Value = session;
        cmd.Parameters.Add(p);
        using var reader = cmd.ExecuteReader();
        var result = new List<(DateTimeOffset, decimal)>();
        while (reader.Read())
        {
            result.Add((new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc)), reader.GetDecimal(1)));
        }

        return result;
    }
}
