using System.Text.Json;
using ResearchPlatform.Host.Commands.Hyperliquid;
using ResearchPlatform.Host.Tests.TestSupport;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Venue;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Host.Tests.Service;

/// <summary>
/// <c>rp serve --mode live --exchange hyperliquid</c> as a real process against a local signature-verifying venue
/// started in the test: the exchange component is the plugin's adapter, market data and positions come from the venue,
/// the key is never printed; mainnet, a missing key or a missing --exchange are refused with exit 2.
/// </summary>
public sealed class ServeLiveTests
{
    private const string Key = "0x0123456789012345678901234567890123456789012345678901234567890123";
    private static readonly string Address = HyperliquidPrivateKey.Parse(Key).Address;

    [Fact]
    public async Task ServeLive_AgainstLocalVenue_ExchangeIsThePluginAdapter_PositionsAreTheVenues()
    {
        using var dir = new TempDir();
        await using var venue = await LocalVenue.StartAsync(
            new LocalVenueOptions { Accounts = [Address], HistoryBars = 300, StepPeriod = TimeSpan.FromMilliseconds(300), Seed = 11 }, CancellationToken.None);
        var key = KeyFile(dir);
        var bought = await BuyAsync(venue.BaseUrl, key); // a position the dashboard must show
        Assert.Equal(bought, venue.PositionOf(Address, "BTC"));

        var ws = Directory.CreateDirectory(dir.File("ws")).FullName;
        var (serve, url) = await ServeProcess.StartAsync(ws, "--mode", "live", "--exchange", "hyperliquid", "--venue-url", venue.BaseUrl.ToString(), "--key-file", key, "--coin", "BTC");
        using (serve)
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            using var components = JsonDocument.Parse(await http.GetStringAsync("/api/components"));
            var byName = components.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
            Assert.Equal("CONNECTED", byName["exchange"].GetProperty("status").GetString());
            Assert.Contains($"signer {Address}", byName["exchange"].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains(venue.BaseUrl.ToString(), byName["exchange"].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal("CONNECTED", byName["market_data"].GetProperty("status").GetString());
            Assert.Contains("closed BTC 1h candles from the venue", byName["market_data"].GetProperty("reason").GetString(), StringComparison.Ordinal);

            // trading through the adapter is not built: live trading is blocked, naming what is missing
            using var health = JsonDocument.Parse(await http.GetStringAsync("/api/health"));
            Assert.True(health.RootElement.GetProperty("live_trading_blocked").GetBoolean());
            Assert.Contains("not built yet", health.RootElement.GetProperty("blocked_reason").GetString(), StringComparison.Ordinal);

            using var positions = JsonDocument.Parse(await http.GetStringAsync("/api/positions"));
            var row = Assert.Single(positions.RootElement.EnumerateArray());
            Assert.Equal("BTC", row.GetProperty("symbol").GetString());
            Assert.Equal((double)venue.PositionOf(Address, "BTC"), row.GetProperty("venue_quantity").GetDouble(), 9);
            Assert.Equal("venue", row.GetProperty("reconciliation").GetString());

            Assert.Equal(0, await serve.TerminateAsync(TimeSpan.FromSeconds(30)));
            Assert.DoesNotContain(Key[2..], serve.Stdout + serve.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, venue.BadSignatures);
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

    /// <summary>Buys a little BTC on the venue through the same plugin adapter (signed): the venue's position afterwards.</summary>
    private static async Task<decimal> BuyAsync(Uri venueUrl, string key)
    {
        using var plugin = HyperliquidVenueAccess.Open("testnet", venueUrl, key, BarInterval.Parse("1h"), _ => { });
        var adapter = plugin.Adapter;
        var candles = await adapter.GetCandlesAsync("BTC", BarInterval.Parse("1h"), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100), CancellationToken.None);
        var price = Math.Round(candles[^1].Close * 1.05m, 0);
        var quantity = Math.Round(200m / price, 4) is var q && q > 0 ? q : 0.001m;
        var ack = await adapter.PlaceOrderAsync(new SubmitOrder("serve-live-test-1", "BTC", OrderSide.Buy, OrderType.Limit, quantity, price, TimeInForce: TimeInForce.Ioc), CancellationToken.None);
        Assert.NotNull(ack);
        for (var i = 0; i < 100; i++)
        {
            var p = (await adapter.GetPositionsAsync(CancellationToken.None)).Where(x => x.Symbol == "BTC").Sum(x => x.Quantity);
            if (p != 0)
            {
                return p;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("the venue did not fill the test's buy order");
    }

    private static string KeyFile(TempDir dir)
    {
        var path = dir.Write("key.txt", Key + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }
}
