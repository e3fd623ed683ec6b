using System.Text.Json.Nodes;
using ResearchPlatform.Plugins.Hyperliquid.Exchange;
using ResearchPlatform.Plugins.Hyperliquid.Info;
using ResearchPlatform.Plugins.Hyperliquid.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Info;

/// <summary>The recorded responses of section J parse into the Sdk records with the values the SDK tests assert.</summary>
public sealed class RecordedResponseTests
{
    private static string ClientId(string? cloid, long oid) => cloid ?? oid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void AssetDirectory_Meta_Has28PerpsWithIndexAsAssetId()
    {
        var assets = new AssetDirectory(Fixture.Json("meta"), null);

        Assert.Equal(28, assets.All.Count());
        Assert.Equal(new AssetInfo("BTC", 0, 5, false, 50), assets.Get("BTC"));
        Assert.Equal(27, assets.Get("APT").AssetId);
        var spec = AssetDirectory.ToSpec(assets.Get("ETH"));
        Assert.Equal(0.0001m, spec.LotSize);
        Assert.Equal(0.01m, spec.TickSize);
    }

    [Fact]
    public void AssetDirectory_SpotMeta_UsesTenThousandPlusIndexAndBaseTokenDecimals()
    {
        var spot = JsonNode.Parse("""
            {"tokens":[{"name":"USDC","szDecimals":8,"weiDecimals":8,"index":0},{"name":"PURR","szDecimals":0,"weiDecimals":5,"index":1},{"name":"HYPE","szDecimals":2,"weiDecimals":8,"index":150}],
             "universe":[{"name":"PURR/USDC","tokens":[1,0],"index":0,"isCanonical":true},{"name":"@107","tokens":[150,0],"index":107,"isCanonical":false}]}
            """)!;

        var assets = new AssetDirectory(Fixture.Json("meta"), spot);

        Assert.Equal(10_000, assets.Get("PURR/USDC").AssetId);
        Assert.Equal(10_107, assets.Get("@107").AssetId);
        Assert.Equal(10_107, assets.Get("HYPE/USDC").AssetId);
        Assert.Equal(2, assets.Get("@107").SzDecimals);
        Assert.True(assets.Get("@107").IsSpot);
    }

    [Fact]
    public void AllMids_Recorded_HasBtcEthAtomMatic()
    {
        var mids = Fixture.Json("allMids");

        Assert.Equal(30135.0m, Json.Dec(mids, "BTC"));
        Assert.All(new[] { "ETH", "ATOM", "MATIC" }, c => Assert.NotNull(Json.OptDec(mids, c)));
    }

    [Fact]
    public void Candles_Recorded_Parse24WithOpenTimesAnHourApart()
    {
        var candles = Fixture.Json("candleSnapshot").AsArray().Select(InfoParsers.Candle).ToList();

        Assert.Equal(24, candles.Count);
        Assert.Equal(new Candle("kPEPE", DateTimeOffset.FromUnixTimeMilliseconds(1684699200000), 0.001601m, 0.001616m, 0.001601m, 0.001604m, 520665683.0m), candles[0]);
        Assert.All(candles.Zip(candles.Skip(1)), p => Assert.Equal(TimeSpan.FromHours(1), p.Second.OpenTime - p.First.OpenTime));
    }

    [Fact]
    public void ClearinghouseState_Recorded_Has12PositionsAndAccountValue()
    {
        var state = Fixture.Json("clearinghouseState");

        var positions = InfoParsers.Positions(state);
        var balance = InfoParsers.PerpBalance(state);

        Assert.Equal(12, positions.Count);
        Assert.Equal(new VenuePosition("BTC", -0.00785m, 26951.0m), positions[0]);
        Assert.Equal(new Balance("USDC", 1182.312496m, 1010.57173m), balance);
    }

    [Fact]
    public void FrontendOpenOrders_Recorded_ParsesTriggerAndLimitOrders()
    {
        var orders = Fixture.Json("frontendOpenOrders").AsArray()
            .Select(o => InfoParsers.Order(o, null, Json.Ms(o, "timestamp"), ClientId)).ToList();

        Assert.Equal(3, orders.Count);
        Assert.Equal(OrderType.TakeProfit, orders[0].Type);
        Assert.Equal(10.004m, orders[0].TriggerPrice);
        Assert.True(orders[0].ReduceOnly);
        Assert.Equal(OrderType.Stop, orders[1].Type);
        Assert.Equal(OrderType.Limit, orders[2].Type);
        Assert.Equal(OrderSide.Buy, orders[2].Side);
        Assert.Equal(10.0m, orders[2].LimitPrice);
        Assert.Equal("3184595905", orders[2].ExchangeOrderId);
        Assert.Equal(VenueOrderStatus.Open, orders[2].Status);
    }

    [Fact]
    public void OpenOrders_Recorded_ParseWithoutOptionalFields()
    {
        var orders = Fixture.Json("openOrders").AsArray().Select(o => InfoParsers.Order(o, null, Json.Ms(o, "timestamp"), ClientId)).ToList();

        Assert.Equal(3, orders.Count);
        Assert.Equal(("MATIC", OrderSide.Buy, 1.0357m, 208.7m), (orders[0].Symbol, orders[0].Side, orders[0].LimitPrice!.Value, orders[0].Quantity));
    }

    [Fact]
    public void UserFills_Recorded_FirstIsTakerSell()
    {
        var fills = Fixture.Json("userFills").AsArray().Select(f => InfoParsers.Fill(f, ClientId)).ToList();
        var byTime = Fixture.Json("userFillsByTime").AsArray().Select(f => InfoParsers.Fill(f, ClientId)).ToList();

        Assert.Equal(2, fills.Count);
        Assert.Equal(Liquidity.Taker, fills[0].Liquidity);
        Assert.Equal(OrderSide.Sell, fills[0].Side);
        Assert.Equal((1.3189m, 142.7m, "SUI", "189324432"), (fills[0].Price, fills[0].Quantity, fills[0].Symbol, fills[0].ExchangeOrderId));
        Assert.Equal(fills[0].FillId, byTime[0].FillId);
    }

    [Fact]
    public void OrderStatus_HistoricalOrderShapes_MapStatuses()
    {
        var first = Fixture.Json("historicalOrders").AsArray()[0]!;
        var response = new JsonObject { ["status"] = "order", ["order"] = first.DeepClone() };

        var order = InfoParsers.OrderStatus(response, ClientId);

        Assert.NotNull(order);
        Assert.Equal(VenueOrderStatus.Rejected, order.Status);
        Assert.Equal(TimeInForce.Ioc, order.TimeInForce);
        Assert.Equal("141682155424", order.ExchangeOrderId);
        Assert.Null(InfoParsers.OrderStatus(JsonNode.Parse("""{"status":"unknownOid"}"""), ClientId));
    }

    [Fact]
    public void ExchangeResponses_DocExamples_ParseStatusesAndErrors()
    {
        var lines = Fixture.Lines("exchangeResponses");

        Assert.Equal(new ActionStatus("resting", 77738308, null, null, null), ExchangeResponse.First(lines[0]));
        Assert.Equal("Order must have minimum value of $10.", ExchangeResponse.First(lines[1])!.Error);
        Assert.Equal(new ActionStatus("filled", 77747314, 0.02m, 1891.4m, null), ExchangeResponse.First(lines[2]));
        Assert.Equal("success", ExchangeResponse.First(lines[3])!.Kind);
        Assert.Equal("Order was never placed, already canceled, or filled.", ExchangeResponse.First(lines[4])!.Error);
        Assert.Null(ExchangeResponse.First(lines[5]));
        foreach (var error in Fixture.Lines("exchangeErrors"))
        {
            var e = Assert.Throws<ExchangeException>(() => ExchangeResponse.First(error));
            Assert.Equal(ExchangeErrorKind.Rejected, e.Kind);
            Assert.Contains(error["response"]!.GetValue<string>(), e.Message, StringComparison.Ordinal);
        }
    }
}
