using System.Text.Json.Nodes;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>The venue's record of one order, in the exchange's terms (oid, cloid, "B"/"A", statuses of spec 6.11).</summary>
internal sealed class VenueOrderRecord
{
    public required long Oid { get; set; }

    public string? Cloid { get; init; }

    public required string InternalId { get; init; }

    public required string Coin { get; init; }

    public required bool IsBuy { get; init; }

    public decimal LimitPx { get; set; }

    public decimal OrigSz { get; set; }

    public decimal Sz { get; set; }

    public string? Tif { get; init; }

    public decimal? TriggerPx { get; set; }

    public string? Tpsl { get; init; }

    public bool ReduceOnly { get; init; }

    public long Timestamp { get; init; }

    public string Status { get; set; } = "open";

    public long StatusTimestamp { get; set; }

    public decimal FilledNotional { get; set; }

    public bool IsOpen => Status is "open" or "triggered";

    /// <summary>The openOrders / WsOrder shape.</summary>
    public JsonObject Basic()
    {
        var o = new JsonObject
        {
            ["coin"] = Coin,
            ["side"] = IsBuy ? "B" : "A",
            ["limitPx"] = VenueJson.D(LimitPx),
            ["sz"] = VenueJson.D(Sz),
            ["oid"] = Oid,
            ["timestamp"] = Timestamp,
            ["origSz"] = VenueJson.D(OrigSz),
        };
        if (Cloid is not null)
        {
            o["cloid"] = Cloid;
        }

        return o;
    }

    /// <summary>The frontendOpenOrders / orderStatus shape.</summary>
    public JsonObject Frontend()
    {
        var o = Basic();
        o["isTrigger"] = TriggerPx is not null;
        o["triggerPx"] = VenueJson.D(TriggerPx ?? 0m);
        o["triggerCondition"] = TriggerPx is null ? "N/A" : $"Price {(IsBuy == (Tpsl == "sl") ? "above" : "below")} {VenueJson.D(TriggerPx.Value)}";
        o["children"] = new JsonArray();
        o["isPositionTpsl"] = false;
        o["reduceOnly"] = ReduceOnly;
        o["orderType"] = TriggerPx is null ? "Limit" : Tpsl == "tp" ? "Take Profit Market" : "Stop Market";
        o["tif"] = Tif;
        o["cloid"] ??= null;
        return o;
    }

    public JsonObject Update() => new() { ["order"] = Basic(), ["status"] = Status, ["statusTimestamp"] = StatusTimestamp };
}
