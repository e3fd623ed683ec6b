using System.Globalization;
using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Wire;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// Applies verified L1 actions to an account (caller holds the engine lock): order, cancel, cancelByCloid, modify,
/// batchModify and the account actions. Validation answers with the exchange's error strings (spec 7.3); orders that
/// can execute do so at once against the current price, the rest rest in the account's matching engine.
/// </summary>
internal sealed class VenueOrders(VenueEngine engine)
{
    public JsonObject Apply(VenueAccount account, JsonObject action)
    {
        var type = action["type"]!.GetValue<string>();
        switch (type)
        {
            case "order":
                var orders = (JsonArray)action["orders"]!;
                if (orders.Any(o => engine.AssetById(Num(o!["a"])) is null))
                {
                    return VenueJson.Err($"Invalid asset: {string.Join(", ", orders.Select(o => Num(o!["a"])).Where(a => engine.AssetById(a) is null))}");
                }

                return VenueJson.Statuses("order", orders.Select(o => Place(account, (JsonObject)o!)));
            case "cancel":
                return VenueJson.Statuses("cancel", ((JsonArray)action["cancels"]!).Select(c => Cancel(account, account.Find(c!["o"]))));
            case "cancelByCloid":
                return VenueJson.Statuses("cancel", ((JsonArray)action["cancels"]!).Select(c => Cancel(account, account.Find(c!["cloid"]))));
            case "batchModify":
                return VenueJson.Statuses("order", ((JsonArray)action["modifies"]!).Select(m => Modify(account, m!["oid"], (JsonObject)m["order"]!)));
            case "modify":
                var status = Modify(account, action["oid"], (JsonObject)action["order"]!);
                return status is JsonObject { } o && o["error"] is JsonValue error ? VenueJson.Err(error.GetValue<string>()) : VenueJson.Ok("default");
            default:
                return VenueJson.Ok("default");
        }
    }

    private JsonNode Place(VenueAccount account, JsonObject wire, VenueOrderRecord? replacing = null)
    {
        var asset = engine.AssetById(Num(wire["a"]))!;
        var isBuy = wire["b"]!.GetValue<bool>();
        var px = VenueJson.ParseDecimal(wire["p"]);
        var sz = VenueJson.ParseDecimal(wire["s"]);
        var trigger = wire["t"]?["trigger"];
        var tif = wire["t"]?["limit"]?["tif"]?.GetValue<string>();
        var triggerPx = trigger is null ? null : VenueJson.ParseDecimal(trigger["triggerPx"]);
        if (px is null || !WireFormat.IsValidPrice(px.Value, asset.SzDecimals, false) || (trigger is not null && (triggerPx is null || !WireFormat.IsValidPrice(triggerPx.Value, asset.SzDecimals, false))))
        {
            return Error("Price must be divisible by tick size.");
        }

        if (sz is null || !WireFormat.IsValidSize(sz.Value, asset.SzDecimals))
        {
            return Error("Order has invalid size.");
        }

        if ((triggerPx ?? px.Value) * sz.Value < 10m)
        {
            return Error("Order must have minimum value of $10.");
        }

        var last = engine.Last(asset.Coin);
        var reduceOnly = wire["r"]!.GetValue<bool>();
        var position = account.Sim.PositionOf(asset.Coin);
        if (reduceOnly && (position == 0m || (position > 0m) == isBuy))
        {
            return Error("Reduce only order would increase position.");
        }

        if (tif == "Alo" && (isBuy ? px >= last : px <= last))
        {
            var book = VenueInfo.Book(asset.Coin, last, 0)["levels"]!;
            return Error($"Post only order would have immediately matched, bbo was {book[0]![0]!["px"]}@{book[1]![0]!["px"]}.");
        }

        if (tif == "Ioc" && (isBuy ? px < last : px > last))
        {
            return Error("Order could not immediately match against any resting orders.");
        }

        var cloid = wire["c"]?.GetValue<string>()?.ToLowerInvariant();
        if (cloid is not null && account.OidByCloid.TryGetValue(cloid, out var existing) && account.ByOid[existing] != replacing)
        {
            return Error("Duplicate cloid.");
        }

        var oid = engine.NextOid();
        var internalId = replacing?.InternalId ?? cloid ?? "oid-" + oid.ToString(CultureInfo.InvariantCulture);
        var now = engine.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var record = new VenueOrderRecord
        {
            Oid = oid, Cloid = cloid, InternalId = internalId, Coin = asset.Coin, IsBuy = isBuy, LimitPx = px.Value, OrigSz = sz.Value,
            Sz = sz.Value, Tif = tif, TriggerPx = triggerPx, Tpsl = trigger?["tpsl"]?.GetValue<string>(), ReduceOnly = reduceOnly,
            Timestamp = now, StatusTimestamp = now,
        };
        if (replacing is null)
        {
            var order = new SubmitOrder(internalId, asset.Coin, isBuy ? OrderSide.Buy : OrderSide.Sell,
                trigger is null ? OrderType.Limit : record.Tpsl == "tp" ? OrderType.TakeProfit : OrderType.Stop, sz.Value,
                trigger is not null && trigger["isMarket"]!.GetValue<bool>() ? null : px, triggerPx,
                tif switch { "Ioc" => TimeInForce.Ioc, "Alo" => TimeInForce.Alo, _ => TimeInForce.Gtc }, reduceOnly);
            var ack = account.Sim.PlaceOrderAsync(order, CancellationToken.None).AsTask().Result;
            if (!ack.Accepted)
            {
                return Error(ack.RejectReason ?? "Order rejected.");
            }
        }
        else
        {
            try
            {
                account.Sim.ModifyOrderAsync(new ModifyOrder(asset.Coin, internalId, null, sz.Value + (replacing.OrigSz - replacing.Sz), px, triggerPx), CancellationToken.None).AsTask().Wait();
            }
            catch (AggregateException)
            {
                return Error("Cannot modify canceled or filled order");
            }

            record.OrigSz = sz.Value + (replacing.OrigSz - replacing.Sz);
            replacing.Status = "canceled";
            account.OidByCloid.Remove(replacing.Cloid ?? "");
        }

        account.ByOid[oid] = record;
        account.OidByInternalId[internalId] = oid;
        if (cloid is not null)
        {
            account.OidByCloid[cloid] = oid;
        }

        engine.SetStatus(account, record, "open", now);
        engine.Touch(account, asset.Coin);
        return StatusOf(record);
    }

    private JsonNode Modify(VenueAccount account, JsonNode? target, JsonObject wire)
    {
        var record = account.Find(target);
        if (record is null || !record.IsOpen)
        {
            return Error("Cannot modify canceled or filled order");
        }

        if (engine.AssetById(Num(wire["a"])) is null)
        {
            return Error("Invalid asset.");
        }

        return Place(account, wire, record);
    }

    private JsonNode Cancel(VenueAccount account, VenueOrderRecord? record)
    {
        if (record is null || !record.IsOpen)
        {
            return Error("Order was never placed, already canceled, or filled.");
        }

        account.Sim.CancelOrderAsync(new CancelOrder(record.Coin, record.InternalId), CancellationToken.None).AsTask().Wait();
        engine.Drain(account);
        return "success";
    }

    private static JsonNode StatusOf(VenueOrderRecord record) => record.Status switch
    {
        "filled" => new JsonObject
        {
            ["filled"] = new JsonObject { ["totalSz"] = VenueJson.D(record.OrigSz - record.Sz), ["avgPx"] = VenueJson.D(record.FilledNotional / (record.OrigSz - record.Sz)), ["oid"] = record.Oid },
        },
        "iocCancelRejected" => Error("Order could not immediately match against any resting orders."),
        "canceled" or "rejected" => record.Sz < record.OrigSz
            ? new JsonObject { ["filled"] = new JsonObject { ["totalSz"] = VenueJson.D(record.OrigSz - record.Sz), ["avgPx"] = VenueJson.D(record.FilledNotional / (record.OrigSz - record.Sz)), ["oid"] = record.Oid } }
            : Error("Order could not immediately match against any resting orders."),
        _ => new JsonObject { ["resting"] = new JsonObject { ["oid"] = record.Oid } },
    };

    private static JsonObject Error(string message) => new() { ["error"] = message };

    private static long Num(JsonNode? node) => JsonNumbers.TryGetInt64(node, out var v) ? v : -1;
}
