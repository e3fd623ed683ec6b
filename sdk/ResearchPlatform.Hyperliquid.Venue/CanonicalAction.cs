using System.Text.Json.Nodes;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// Rebuilds a received L1 action in the canonical key order, as the exchange does when it parses the JSON into its
/// typed structure and re-serializes it for hashing (so a client's key order does not matter, but its values do: a
/// trailing zero or upper-case hex still changes the hash). Unknown keys or types are refused.
/// </summary>
internal static class CanonicalAction
{
    private static readonly Dictionary<string, string[]> Orders = new(StringComparer.Ordinal)
    {
        ["order"] = ["type", "orders", "grouping", "builder"],
        ["cancel"] = ["type", "cancels", "f"],
        ["cancelByCloid"] = ["type", "cancels", "f"],
        ["modify"] = ["type", "oid", "order", "a"],
        ["batchModify"] = ["type", "modifies", "a"],
        ["updateLeverage"] = ["type", "asset", "isCross", "leverage"],
        ["updateIsolatedMargin"] = ["type", "asset", "isBuy", "ntli"],
        ["scheduleCancel"] = ["type", "time"],
        ["noop"] = ["type"],
    };

    private static readonly string[] Wire = ["a", "b", "p", "s", "r", "t", "c"];
    private static readonly string[] Trigger = ["isMarket", "triggerPx", "tpsl"];

    public static bool IsKnown(string type) => Orders.ContainsKey(type);

    /// <summary>The canonical copy; throws <see cref="FormatException"/> for unknown keys.</summary>
    public static JsonObject Rebuild(JsonObject action)
    {
        var type = action["type"]?.GetValue<string>() ?? throw new FormatException("action has no type");
        var result = Reorder(action, Orders[type], "action");
        switch (type)
        {
            case "order":
                result["orders"] = new JsonArray([.. ((JsonArray)result["orders"]!).Select(o => (JsonNode)OrderWire((JsonObject)o!))]);
                break;
            case "cancel":
                result["cancels"] = new JsonArray([.. ((JsonArray)result["cancels"]!).Select(c => (JsonNode)Reorder((JsonObject)c!, ["a", "o"], "cancel"))]);
                break;
            case "cancelByCloid":
                result["cancels"] = new JsonArray([.. ((JsonArray)result["cancels"]!).Select(c => (JsonNode)Reorder((JsonObject)c!, ["asset", "cloid"], "cancel"))]);
                break;
            case "modify":
                result["order"] = OrderWire((JsonObject)result["order"]!);
                break;
            case "batchModify":
                result["modifies"] = new JsonArray([.. ((JsonArray)result["modifies"]!).Select(m =>
                {
                    var entry = Reorder((JsonObject)m!, ["oid", "order"], "modify");
                    entry["order"] = OrderWire((JsonObject)entry["order"]!);
                    return (JsonNode)entry;
                })]);
                break;
        }

        return result;
    }

    private static JsonObject OrderWire(JsonObject wire)
    {
        var result = Reorder(wire, Wire, "order");
        if (result["t"] is JsonObject t && t["trigger"] is JsonObject trigger)
        {
            result["t"] = new JsonObject { ["trigger"] = Reorder(trigger, Trigger, "trigger") };
        }

        return result;
    }

    private static JsonObject Reorder(JsonObject source, string[] order, string what)
    {
        foreach (var (key, _) in source)
        {
            if (!order.Contains(key))
            {
                throw new FormatException($"unknown field '{key}' in {what}");
            }
        }

        var result = new JsonObject();
        foreach (var key in order)
        {
            if (source.TryGetPropertyValue(key, out var value))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
