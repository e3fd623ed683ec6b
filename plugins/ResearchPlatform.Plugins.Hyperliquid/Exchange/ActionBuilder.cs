using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Wire;

namespace ResearchPlatform.Plugins.Hyperliquid.Exchange;

/// <summary>
/// Builds L1 actions as ordered JSON objects in the canonical key order of the spec (section 8.2); the same object is
/// msgpacked for the hash and serialized as the request body, so the two can never disagree. Optional keys are
/// omitted, never false/null; hex strings are lowercase.
/// </summary>
internal static class ActionBuilder
{
    public static JsonObject Order(IReadOnlyList<OrderWire> orders, string grouping = "na") => new()
    {
        ["type"] = "order",
        ["orders"] = new JsonArray([.. orders.Select(Wire)]),
        ["grouping"] = grouping,
    };

    public static JsonObject Wire(OrderWire o)
    {
        JsonObject type = o.Tif is not null
            ? new JsonObject { ["limit"] = new JsonObject { ["tif"] = o.Tif } }
            : new JsonObject
            {
                ["trigger"] = new JsonObject
                {
                    ["isMarket"] = o.TriggerIsMarket,
                    ["triggerPx"] = WireFormat.FloatToWire(o.TriggerPrice ?? throw new ArgumentException("trigger order needs a trigger price", nameof(o))),
                    ["tpsl"] = o.Tpsl ?? throw new ArgumentException("trigger order needs tpsl", nameof(o)),
                },
            };
        var wire = new JsonObject
        {
            ["a"] = o.Asset,
            ["b"] = o.IsBuy,
            ["p"] = WireFormat.FloatToWire(o.Price),
            ["s"] = WireFormat.FloatToWire(o.Size),
            ["r"] = o.ReduceOnly,
            ["t"] = type,
        };
        if (o.Cloid is not null)
        {
            wire["c"] = o.Cloid.ToLowerInvariant();
        }

        return wire;
    }

    public static JsonObject Cancel(int asset, long oid) => new()
    {
        ["type"] = "cancel",
        ["cancels"] = new JsonArray(new JsonObject { ["a"] = asset, ["o"] = oid }),
    };

    public static JsonObject CancelByCloid(int asset, string cloid) => new()
    {
        ["type"] = "cancelByCloid",
        ["cancels"] = new JsonArray(new JsonObject { ["asset"] = asset, ["cloid"] = cloid.ToLowerInvariant() }),
    };

    /// <summary>batchModify with one entry; <paramref name="oidOrCloid"/> is a long oid or a "0x" cloid string.</summary>
    public static JsonObject BatchModify(JsonNode oidOrCloid, OrderWire order) => new()
    {
        ["type"] = "batchModify",
        ["modifies"] = new JsonArray(new JsonObject { ["oid"] = oidOrCloid, ["order"] = Wire(order) }),
    };

    public static JsonObject Modify(JsonNode oidOrCloid, OrderWire order) => new()
    {
        ["type"] = "modify",
        ["oid"] = oidOrCloid,
        ["order"] = Wire(order),
    };

    public static JsonObject UpdateLeverage(int asset, bool isCross, int leverage) => new()
    {
        ["type"] = "updateLeverage",
        ["asset"] = asset,
        ["isCross"] = isCross,
        ["leverage"] = leverage,
    };

    public static JsonObject UpdateIsolatedMargin(int asset, bool isBuy, decimal usd) => new()
    {
        ["type"] = "updateIsolatedMargin",
        ["asset"] = asset,
        ["isBuy"] = isBuy,
        ["ntli"] = (long)WireFormat.FloatToUsdInt(usd),
    };

    /// <summary>scheduleCancel; null time removes the scheduled cancel (key omitted).</summary>
    public static JsonObject ScheduleCancel(long? timeMs)
    {
        var action = new JsonObject { ["type"] = "scheduleCancel" };
        if (timeMs is { } t)
        {
            action["time"] = t;
        }

        return action;
    }

    public static JsonObject Noop() => new() { ["type"] = "noop" };
}
