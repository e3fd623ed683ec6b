using System.Text.Json;
using System.Text.Json.Nodes;
using ResearchPlatform.Plugins.Hyperliquid.Info;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Exchange;

/// <summary>
/// The three error shapes of /exchange: top-level {"status":"err","response":"..."}, per-item statuses[i].error and
/// data.status.error; successful statuses are strings ("success", "waitingForFill", "waitingForTrigger") or objects
/// (resting {oid}, filled {totalSz, avgPx, oid}).
/// </summary>
internal static class ExchangeResponse
{
    /// <summary>The statuses of an ok response; throws <see cref="ExchangeException"/> (Rejected) on a top-level error.</summary>
    public static IReadOnlyList<ActionStatus> Statuses(JsonNode? response)
    {
        var data = Ok(response);
        if (data?["data"]?["statuses"] is not JsonArray statuses)
        {
            return [];
        }

        var result = new List<ActionStatus>(statuses.Count);
        foreach (var s in statuses)
        {
            result.Add(s switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => new ActionStatus(v.GetValue<string>(), null, null, null, null),
                JsonObject o when o["error"] is JsonValue e => new ActionStatus("error", null, null, null, e.GetValue<string>()),
                JsonObject o when o["resting"] is JsonObject r => new ActionStatus("resting", Json.Long(r, "oid"), null, null, null),
                JsonObject o when o["filled"] is JsonObject f => new ActionStatus("filled", Json.Long(f, "oid"), Json.OptDec(f, "totalSz"), Json.OptDec(f, "avgPx"), null),
                _ => new ActionStatus("unknown", null, null, null, s?.ToJsonString()),
            });
        }

        return result;
    }

    /// <summary>The first status, or null when the response has none.</summary>
    public static ActionStatus? First(JsonNode? response) => Statuses(response) is [var first, ..] ? first : null;

    /// <summary>The "response" object of an ok response; throws on {"status":"err"}.</summary>
    public static JsonNode? Ok(JsonNode? response)
    {
        var status = Json.OptStr(response, "status");
        if (status == "ok")
        {
            return response?["response"];
        }

        var message = response?["response"] is JsonValue m && m.GetValueKind() == JsonValueKind.String ? m.GetValue<string>() : response?.ToJsonString() ?? "empty response";
        throw new ExchangeException(ExchangeErrorKind.Rejected, "Hyperliquid: " + message);
    }
}
