using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Wire;
using SdkCandle = ResearchPlatform.Sdk.Execution.Candle;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>POST /info for the subset the adapter uses, in the exchange's response shapes (spec section 6).</summary>
internal static class VenueInfo
{
    public const int MaxCandles = 5000;
    public const int MaxFills = 2000;
    public const int MaxFunding = 500;

    /// <summary>The response, or null for an unsupported request (HTTP 422 like the exchange).</summary>
    public static JsonNode? Handle(VenueEngine engine, JsonObject request)
    {
        var type = request["type"]?.GetValue<string>();
        var user = request["user"]?.GetValue<string>();
        return type switch
        {
            "meta" => Meta(engine),
            "spotMeta" => new JsonObject { ["tokens"] = new JsonArray(), ["universe"] = new JsonArray() },
            "metaAndAssetCtxs" => new JsonArray(Meta(engine), new JsonArray([.. engine.Assets.Select(a => (JsonNode)Ctx(engine, a))])),
            "allMids" => new JsonObject([.. engine.Assets.Select(a => KeyValuePair.Create(a.Coin, (JsonNode?)VenueJson.D(engine.Last(a.Coin))))]),
            "l2Book" => request["coin"]?.GetValue<string>() is { } coin && engine.AssetIdOf(coin) >= 0
                ? Book(coin, engine.Last(coin), engine.Time.GetUtcNow().ToUnixTimeMilliseconds()) : null,
            "candleSnapshot" => Candles(engine, request["req"] as JsonObject),
            "clearinghouseState" => ClearinghouseState(engine, engine.Account(user)),
            "spotClearinghouseState" => new JsonObject { ["balances"] = new JsonArray() },
            "openOrders" => OpenOrders(engine.Account(user), frontend: false),
            "frontendOpenOrders" => OpenOrders(engine.Account(user), frontend: true),
            "userFills" => new JsonArray([.. (engine.Account(user)?.Fills ?? []).AsEnumerable().Reverse().Take(MaxFills).Select(f => (JsonNode)f.DeepClone())]),
            "userFillsByTime" => FillsByTime(engine.Account(user), request),
            "orderStatus" => OrderStatus(engine.Account(user), request["oid"]),
            "fundingHistory" => FundingHistory(engine, request),
            "userFunding" => UserFunding(engine.Account(user), request),
            _ => null,
        };
    }

    public static JsonObject Meta(VenueEngine engine) => new()
    {
        ["universe"] = new JsonArray([.. engine.Assets.Select(a => (JsonNode)new JsonObject
        {
            ["name"] = a.Coin,
            ["szDecimals"] = a.SzDecimals,
            ["maxLeverage"] = a.MaxLeverage,
        })]),
    };

    public static JsonObject Book(string coin, decimal mid, long time)
    {
        var spread = mid * 0.0002m;
        return new JsonObject
        {
            ["coin"] = coin,
            ["time"] = time,
            ["levels"] = new JsonArray(
                new JsonArray(new JsonObject { ["px"] = VenueJson.D(mid - spread), ["sz"] = "10.0", ["n"] = 1 }),
                new JsonArray(new JsonObject { ["px"] = VenueJson.D(mid + spread), ["sz"] = "10.0", ["n"] = 1 })),
        };
    }

    public static JsonObject CandleJson(SdkCandle c, TimeSpan interval) => new()
    {
        ["t"] = c.OpenTime.ToUnixTimeMilliseconds(),
        ["T"] = (c.OpenTime + interval).ToUnixTimeMilliseconds() - 1,
        ["s"] = c.Symbol,
        ["i"] = Sdk.Data.BarInterval.FromDuration(interval).Code,
        ["o"] = VenueJson.D(c.Open),
        ["c"] = VenueJson.D(c.Close),
        ["h"] = VenueJson.D(c.High),
        ["l"] = VenueJson.D(c.Low),
        ["v"] = VenueJson.D(c.Volume),
        ["n"] = 100,
    };

    private static JsonObject Ctx(VenueEngine engine, VenueAsset a)
    {
        var px = VenueJson.D(engine.Last(a.Coin));
        return new JsonObject { ["markPx"] = px, ["midPx"] = px, ["oraclePx"] = px, ["funding"] = "0.0000125", ["openInterest"] = "0.0", ["dayNtlVlm"] = "0.0", ["premium"] = "0.0", ["prevDayPx"] = px };
    }

    private static JsonArray? Candles(VenueEngine engine, JsonObject? req)
    {
        var coin = req?["coin"]?.GetValue<string>();
        if (coin is null || !engine.History.TryGetValue(coin, out var history) || !JsonNumbers.TryGetInt64(req!["startTime"], out var start))
        {
            return null;
        }

        var end = JsonNumbers.TryGetInt64(req["endTime"], out var e) ? e : long.MaxValue;
        var interval = req["interval"]?.GetValue<string>();
        if (interval != Sdk.Data.BarInterval.FromDuration(engine.Options.CandleInterval).Code)
        {
            return [];
        }

        return new JsonArray([.. history
            .Where(c => c.OpenTime.ToUnixTimeMilliseconds() >= start && c.OpenTime.ToUnixTimeMilliseconds() <= end)
            .Take(MaxCandles)
            .Select(c => (JsonNode)CandleJson(c, engine.Options.CandleInterval))]);
    }

    private static JsonObject ClearinghouseState(VenueEngine engine, VenueAccount? account)
    {
        var positions = new JsonArray();
        decimal total = 0m, available = 0m, notional = 0m;
        if (account is not null)
        {
            var balance = account.Sim.GetBalancesAsync(CancellationToken.None).AsTask().Result[0];
            total = balance.Total;
            available = balance.Available;
            foreach (var p in account.Sim.GetPositionsAsync(CancellationToken.None).AsTask().Result)
            {
                var mark = engine.Last(p.Symbol);
                notional += Math.Abs(p.Quantity) * mark;
                positions.Add(new JsonObject
                {
                    ["position"] = new JsonObject
                    {
                        ["coin"] = p.Symbol,
                        ["entryPx"] = VenueJson.D(p.EntryPrice),
                        ["leverage"] = new JsonObject { ["type"] = "cross", ["value"] = 20 },
                        ["liquidationPx"] = null,
                        ["marginUsed"] = VenueJson.D(Math.Abs(p.Quantity) * mark / 20m),
                        ["positionValue"] = VenueJson.D(Math.Abs(p.Quantity) * mark),
                        ["szi"] = VenueJson.D(p.Quantity),
                        ["unrealizedPnl"] = VenueJson.D((mark - p.EntryPrice) * p.Quantity),
                    },
                    ["type"] = "oneWay",
                });
            }
        }

        var summary = new JsonObject { ["accountValue"] = VenueJson.D(total), ["totalMarginUsed"] = VenueJson.D(notional / 20m), ["totalNtlPos"] = VenueJson.D(notional), ["totalRawUsd"] = VenueJson.D(available) };
        return new JsonObject
        {
            ["assetPositions"] = positions,
            ["crossMaintenanceMarginUsed"] = "0.0",
            ["crossMarginSummary"] = summary.DeepClone(),
            ["marginSummary"] = summary,
            ["time"] = engine.Time.GetUtcNow().ToUnixTimeMilliseconds(),
            ["withdrawable"] = VenueJson.D(available),
        };
    }

    private static JsonArray OpenOrders(VenueAccount? account, bool frontend) =>
        new([.. (account?.ByOid.Values.AsEnumerable() ?? []).Where(o => o.IsOpen).OrderByDescending(o => o.Oid).Select(o => (JsonNode)(frontend ? o.Frontend() : o.Basic()))]);

    private static JsonArray FillsByTime(VenueAccount? account, JsonObject request)
    {
        var start = JsonNumbers.TryGetInt64(request["startTime"], out var s) ? s : 0;
        var end = JsonNumbers.TryGetInt64(request["endTime"], out var e) ? e : long.MaxValue;
        return new JsonArray([.. (account?.Fills ?? [])
            .Where(f => f["time"]!.GetValue<long>() >= start && f["time"]!.GetValue<long>() <= end)
            .Take(MaxFills)
            .Select(f => (JsonNode)f.DeepClone())]);
    }

    /// <summary>The schedule's hourly rates in [startTime, min(endTime, newest candle)], at most 500 (the exchange's page).</summary>
    private static JsonArray? FundingHistory(VenueEngine engine, JsonObject request)
    {
        var coin = request["coin"]?.GetValue<string>();
        if (coin is null || engine.AssetIdOf(coin) < 0 || !JsonNumbers.TryGetInt64(request["startTime"], out var start))
        {
            return null;
        }

        var end = JsonNumbers.TryGetInt64(request["endTime"], out var e) ? Math.Min(e, engine.LatestOpen.ToUnixTimeMilliseconds()) : engine.LatestOpen.ToUnixTimeMilliseconds();
        return new JsonArray([.. FundingSchedule.Hours(DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(0, start)), DateTimeOffset.FromUnixTimeMilliseconds(end))
            .Take(MaxFunding)
            .Select(t => (JsonNode)new JsonObject
            {
                ["coin"] = coin,
                ["fundingRate"] = VenueJson.D(engine.Funding.RateAt(coin, t)),
                ["premium"] = "0.0",
                ["time"] = t.ToUnixTimeMilliseconds(),
            })]);
    }

    private static JsonArray UserFunding(VenueAccount? account, JsonObject request)
    {
        var start = JsonNumbers.TryGetInt64(request["startTime"], out var s) ? s : 0;
        var end = JsonNumbers.TryGetInt64(request["endTime"], out var e) ? e : long.MaxValue;
        return new JsonArray([.. (account?.Funding ?? [])
            .Where(f => f["time"]!.GetValue<long>() >= start && f["time"]!.GetValue<long>() <= end)
            .Take(MaxFunding)
            .Select(f => (JsonNode)f.DeepClone())]);
    }

    private static JsonObject OrderStatus(VenueAccount? account, JsonNode? oid)
    {
        var record = account?.Find(oid);
        if (record is null)
        {
            return new JsonObject { ["status"] = "unknownOid" };
        }

        return new JsonObject
        {
            ["status"] = "order",
            ["order"] = new JsonObject { ["order"] = record.Frontend(), ["status"] = record.Status, ["statusTimestamp"] = record.StatusTimestamp },
        };
    }
}
