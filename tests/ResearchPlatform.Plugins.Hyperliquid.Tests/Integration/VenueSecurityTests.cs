using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Signing;
using ResearchPlatform.Plugins.Hyperliquid.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Integration;

/// <summary>The venue recovers the signer of every request and refuses what the exchange refuses.</summary>
public sealed class VenueSecurityTests
{
    private const string StrangerKey = "0x822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff";

    [Fact]
    public async Task PlaceOrderAsync_UnknownSigner_RejectedNamingTheRecoveredAddress()
    {
        await using var h = await VenueHarness.StartAsync(key: StrangerKey);
        var mid = await AdapterVenueTests.MidAsync(h);

        var e = await Assert.ThrowsAsync<ExchangeException>(async () =>
            await h.Adapter.PlaceOrderAsync(new SubmitOrder("O-x", "BTC", OrderSide.Buy, OrderType.Limit, 0.01m, mid * 0.9m), CancellationToken.None));

        Assert.Equal(ExchangeErrorKind.Rejected, e.Kind);
        Assert.Contains("User or API Wallet 0xe5ca49fb3bd9a581f0d1ef9cb5d7177da08bf901 does not exist.", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Venue.BadSignatures);
    }

    [Fact]
    public async Task Exchange_TamperedPriceAfterSigning_RecoversAnotherSignerAndIsRefused()
    {
        await using var h = await VenueHarness.StartAsync();
        var body = Signed(h.Key, Order("100"), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        body["action"]!["orders"]![0]!["p"] = "100.0";

        var response = await PostAsync(h, body);

        Assert.StartsWith("User or API Wallet 0x", response["response"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(h.Key.Address, response["response"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_ReusedAndStaleNonces_RefusedWithTheExchangeStrings()
    {
        await using var h = await VenueHarness.StartAsync();
        var nonce = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var stale = nonce - (3 * 86_400_000L);

        var first = await PostAsync(h, Signed(h.Key, new JsonObject { ["type"] = "noop" }, nonce));
        var reused = await PostAsync(h, Signed(h.Key, new JsonObject { ["type"] = "noop" }, nonce));
        var old = await PostAsync(h, Signed(h.Key, new JsonObject { ["type"] = "noop" }, stale));

        Assert.Equal("ok", first["status"]!.GetValue<string>());
        Assert.Equal($"Invalid nonce: duplicate nonce {nonce}", reused["response"]!.GetValue<string>());
        Assert.StartsWith($"Invalid nonce: nonce too low {stale} < ", old["response"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, h.Venue.BadNonces);
    }

    [Fact]
    public async Task Exchange_UnknownAssetAndKeyOrder_AssetRefusedKeyOrderCanonicalized()
    {
        await using var h = await VenueHarness.StartAsync();
        var unknown = Order("100");
        unknown["orders"]![0]!["a"] = 99;
        var reordered = new JsonObject { ["grouping"] = "na", ["orders"] = Order("10").DeepClone()["orders"]!.DeepClone(), ["type"] = "order" };
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var refused = await PostAsync(h, Signed(h.Key, unknown, now));
        var canonicalSigned = Signed(h.Key, Order("10"), now + 1);
        canonicalSigned["action"] = reordered;
        var accepted = await PostAsync(h, canonicalSigned);

        Assert.Equal("Invalid asset: 99", refused["response"]!.GetValue<string>());
        Assert.Equal("ok", accepted["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Exchange_UserSignedApproveAgent_LetsTheAgentTradeForTheAccount()
    {
        await using var h = await VenueHarness.StartAsync();
        using var agent = HyperliquidPrivateKey.Parse(StrangerKey);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var (prepared, signature) = UserSignedActionSigner.Sign(h.Key,
            new JsonObject { ["type"] = "approveAgent", ["agentAddress"] = agent.Address, ["nonce"] = now }, HyperliquidNetwork.Testnet);
        var approve = new JsonObject { ["action"] = UserSignedActionSigner.PostedForm(prepared), ["nonce"] = now, ["signature"] = signature.ToJson() };

        var approved = await PostAsync(h, approve);
        var byAgent = await PostAsync(h, Signed(agent, new JsonObject { ["type"] = "noop" }, now + 1));

        Assert.Equal("ok", approved["status"]!.GetValue<string>());
        Assert.Equal("ok", byAgent["status"]!.GetValue<string>());
    }

    private static JsonObject Order(string price) => new()
    {
        ["type"] = "order",
        ["orders"] = new JsonArray(new JsonObject
        {
            ["a"] = 2, ["b"] = true, ["p"] = price, ["s"] = "1", ["r"] = false, ["t"] = new JsonObject { ["limit"] = new JsonObject { ["tif"] = "Gtc" } },
        }),
        ["grouping"] = "na",
    };

    private static JsonObject Signed(HyperliquidPrivateKey key, JsonObject action, long nonce)
    {
        var signed = L1ActionSigner.Sign(key, action, (ulong)nonce, null, null, HyperliquidNetwork.Testnet);
        return new JsonObject { ["action"] = action.DeepClone(), ["nonce"] = nonce, ["signature"] = signed.Signature.ToJson(), ["vaultAddress"] = null };
    }

    private static async Task<JsonNode> PostAsync(VenueHarness h, JsonObject body)
    {
        using var http = new HttpClient { BaseAddress = h.Venue.BaseUrl };
        using var response = await http.PostAsync(new Uri("exchange", UriKind.Relative), JsonContent.Create(body));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
