using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>Number formats of the exchange's responses (decimal strings, no exponent, never "-0").</summary>
internal static class VenueJson
{
    public static string D(decimal value)
    {
        var text = value.ToString("0.0#########", CultureInfo.InvariantCulture);
        return text.StartsWith("-0.0", StringComparison.Ordinal) && value == 0m ? "0.0" : text;
    }

    public static decimal? ParseDecimal(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String
        && decimal.TryParse(v.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static JsonObject Err(string message) => new() { ["status"] = "err", ["response"] = message };

    public static JsonObject Ok(string type, JsonNode? data = null)
    {
        var response = new JsonObject { ["type"] = type };
        if (data is not null)
        {
            response["data"] = data;
        }

        return new JsonObject { ["status"] = "ok", ["response"] = response };
    }

    public static JsonObject Statuses(string type, IEnumerable<JsonNode?> statuses) =>
        Ok(type, new JsonObject { ["statuses"] = new JsonArray([.. statuses]) });
}
