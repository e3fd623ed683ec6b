using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Hyperliquid.Wire;

/// <summary>Reads integers from JSON nodes whether they were parsed or created from any integer CLR type.</summary>
public static class JsonNumbers
{
    /// <summary>A non-negative integer value, or false.</summary>
    public static bool TryGetUInt64(JsonNode? node, out ulong value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue<ulong>(out value))
        {
            return true;
        }

        if (v.TryGetValue<long>(out var l) && l >= 0)
        {
            value = (ulong)l;
            return true;
        }

        if (v.TryGetValue<int>(out var i) && i >= 0)
        {
            value = (ulong)i;
            return true;
        }

        return v.TryGetValue<JsonElement>(out var e) && e.TryGetUInt64(out value);
    }

    /// <summary>An integer value (signed), or false.</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue<long>(out value))
        {
            return true;
        }

        if (v.TryGetValue<int>(out var i))
        {
            value = i;
            return true;
        }

        return v.TryGetValue<JsonElement>(out var e) && e.TryGetInt64(out value);
    }
}
