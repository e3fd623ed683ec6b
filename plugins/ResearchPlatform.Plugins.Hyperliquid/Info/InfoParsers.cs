using System.Globalization;
using System.Text.Json.Nodes;
using ResearchPlatform.Sdk.Execution;
using SdkCandle = ResearchPlatform.Sdk.Execution.Candle;

namespace ResearchPlatform.Plugins.Hyperliquid.Info;

/// <summary>
/// Maps /info and WebSocket payloads to Sdk records. <c>clientIdOf(cloid, oid)</c> resolves the Sdk client order id
/// (the adapter's map, else the cloid, else the oid). Unknown fields are ignored, missing optional ones tolerated.
/// </summary>
internal static class InfoParsers
{
    public static IReadOnlyList<VenuePosition> Positions(JsonNode? clearinghouseState) =>
        [.. Json.Arr(clearinghouseState, "assetPositions")
            .Select(p => p?["position"])
            .Where(p => Json.Dec(p, "szi") != 0m)
            .Select(p => new VenuePosition(Json.Str(p, "coin"), Json.Dec(p, "szi"), Json.OptDec(p, "entryPx") ?? 0m))];

    public static Balance PerpBalance(JsonNode? clearinghouseState)
    {
        var summary = clearinghouseState?["marginSummary"];
        return new Balance("USDC", Json.Dec(summary, "accountValue"), Json.OptDec(clearinghouseState, "withdrawable") ?? 0m);
    }

    public static IReadOnlyList<Balance> SpotBalances(JsonNode? spotState) =>
        spotState?["balances"] is not JsonArray balances ? []
        : [.. balances.Select(b => new Balance("spot:" + Json.Str(b, "coin"), Json.Dec(b, "total"), Json.Dec(b, "total") - (Json.OptDec(b, "hold") ?? 0m)))];

    /// <summary>A frontendOpenOrders / orderStatus order object.</summary>
    public static VenueOrder Order(JsonNode? o, VenueOrderStatus? status, DateTimeOffset updatedAt, Func<string?, long, string> clientIdOf)
    {
        var oid = Json.Long(o, "oid");
        var orig = Json.OptDec(o, "origSz") ?? Json.Dec(o, "sz");
        var remaining = Json.Dec(o, "sz");
        var filled = Math.Max(0m, orig - remaining);
        var isTrigger = Json.Bool(o, "isTrigger");
        var orderType = Json.OptStr(o, "orderType") ?? "Limit";
        var type = !isTrigger ? (orderType == "Market" ? OrderType.Market : OrderType.Limit)
            : orderType.StartsWith("Take Profit", StringComparison.Ordinal) ? OrderType.TakeProfit : OrderType.Stop;
        var tif = Json.OptStr(o, "tif") switch
        {
            "Ioc" or "FrontendMarket" or "LiquidationMarket" => TimeInForce.Ioc,
            "Alo" => TimeInForce.Alo,
            _ => TimeInForce.Gtc,
        };
        var effective = status ?? (filled > 0m ? VenueOrderStatus.PartiallyFilled : VenueOrderStatus.Open);
        if (effective == VenueOrderStatus.Open && filled > 0m)
        {
            effective = VenueOrderStatus.PartiallyFilled;
        }

        return new VenueOrder(
            clientIdOf(Json.OptStr(o, "cloid"), oid),
            oid.ToString(CultureInfo.InvariantCulture),
            Json.Str(o, "coin"),
            Json.Str(o, "side") == "B" ? OrderSide.Buy : OrderSide.Sell,
            type,
            orig,
            filled,
            null,
            Json.OptDec(o, "limitPx"),
            isTrigger ? Json.OptDec(o, "triggerPx") : null,
            tif,
            Json.Bool(o, "reduceOnly"),
            effective,
            updatedAt);
    }

    /// <summary>orderStatus response: the order, or null for {"status":"unknownOid"}.</summary>
    public static VenueOrder? OrderStatus(JsonNode? response, Func<string?, long, string> clientIdOf)
    {
        if (Json.OptStr(response, "status") != "order")
        {
            return null;
        }

        var wrapper = response?["order"];
        var status = StatusOf(Json.Str(wrapper, "status"));
        return Order(wrapper?["order"], status, Json.Ms(wrapper, "statusTimestamp"), clientIdOf);
    }

    /// <summary>Exchange order status strings to the Sdk's status (spec 6.11).</summary>
    public static VenueOrderStatus StatusOf(string status) => status switch
    {
        "open" or "triggered" => VenueOrderStatus.Open,
        "filled" => VenueOrderStatus.Filled,
        _ when status.EndsWith("Rejected", StringComparison.Ordinal) || status == "rejected" => VenueOrderStatus.Rejected,
        _ => VenueOrderStatus.Canceled,
    };

    public static OrderFilled Fill(JsonNode? f, Func<string?, long, string> clientIdOf)
    {
        var oid = Json.Long(f, "oid");
        var tid = f?["tid"] is null ? Json.Str(f, "hash") + ":" + Json.Long(f, "time").ToString(CultureInfo.InvariantCulture) : Json.Long(f, "tid").ToString(CultureInfo.InvariantCulture);
        return new OrderFilled(
            clientIdOf(Json.OptStr(f, "cloid"), oid),
            oid.ToString(CultureInfo.InvariantCulture),
            Json.Ms(f, "time"),
            tid,
            Json.Str(f, "coin"),
            Json.Str(f, "side") == "B" ? OrderSide.Buy : OrderSide.Sell,
            Json.Dec(f, "px"),
            Json.Dec(f, "sz"),
            Json.OptDec(f, "fee") ?? 0m,
            Json.Bool(f, "crossed") ? Liquidity.Taker : Liquidity.Maker);
    }

    public static SdkCandle Candle(JsonNode? c) => new(
        Json.Str(c, "s"),
        Json.Ms(c, "t"),
        Json.Dec(c, "o"),
        Json.Dec(c, "h"),
        Json.Dec(c, "l"),
        Json.Dec(c, "c"),
        Json.Dec(c, "v"));

    /// <summary>One fundingHistory element <c>{"coin","fundingRate","premium","time"}</c>.</summary>
    public static FundingRateSample FundingRate(JsonNode? f) => new(
        Json.Str(f, "coin"),
        Json.Ms(f, "time"),
        Json.Dec(f, "fundingRate"),
        Json.OptDec(f, "premium") ?? 0m);

    /// <summary>One userFunding entry (<c>{"delta":{"coin","fundingRate","szi","usdc"},"time"}</c>).</summary>
    public static AccountFundingPayment FundingPayment(JsonNode? f)
    {
        var delta = f?["delta"];
        return new(Json.Str(delta, "coin"), Json.Ms(f, "time"), Json.Dec(delta, "szi"), Json.Dec(delta, "fundingRate"), Json.Dec(delta, "usdc"));
    }
}
