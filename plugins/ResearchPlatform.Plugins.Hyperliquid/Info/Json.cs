using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Plugins.Hyperliquid.Info;

/// <summary>Tolerant readers for the exchange's JSON: decimals arrive as strings, ids as numbers.</summary>
internal static class Json
{
    public static string Str(JsonNode? node, string field) =>
        node?[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
        : throw new FormatException($"field '{field}' is missing or not a string");

    public static string? OptStr(JsonNode? node, string field) =>
        node?[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static decimal Dec(JsonNode? node, string field) =>
        OptDec(node, field) ?? throw new FormatException($"field '{field}' is missing or not a decimal");

    public static decimal? OptDec(JsonNode? node, string field)
    {
        if (node?[field] is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.String => decimal.Parse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.Number => v.GetValue<decimal>(),
            _ => null,
        };
    }

    public static long Long(JsonNode? node, string field) =>
        node?[field] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<long>()
        : throw new FormatException($"field '{field}' is missing or not an integer");

    public static int Int(JsonNode? node, string field) => checked((int)Long(node, field));

    public static int Int(JsonArray? array, int index) =>
        array is not null && index < array.Count && array[index] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? v.GetValue<int>()
            : throw new FormatException($"element {index} is missing or not an integer");

    public static bool Bool(JsonNode? node, string field) =>
        node?[field] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static JsonArray Arr(JsonNode? node, string field) =>
        node?[field] as JsonArray ?? throw new FormatException($"field '{field}' is missing or not an array");

    public static DateTimeOffset Ms(JsonNode? node, string field) => DateTimeOffset.FromUnixTimeMilliseconds(Long(node, field));
}
