using System.Text.Json.Nodes;
using ResearchPlatform.Engine.Execution.Simulated;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>One account on the venue: its own matching engine instance, its orders by oid/cloid and its fills.</summary>
internal sealed class VenueAccount(string address, SimulatedVenue sim)
{
    public string Address { get; } = address;

    public SimulatedVenue Sim { get; } = sim;

    public Dictionary<long, VenueOrderRecord> ByOid { get; } = [];

    public Dictionary<string, long> OidByCloid { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> OidByInternalId { get; } = new(StringComparer.Ordinal);

    public List<JsonObject> Fills { get; } = [];

    /// <summary>Funding payments in userFunding's shape (<c>{"delta":{"coin","fundingRate","szi","type","usdc"},"hash","time"}</c>).</summary>
    public List<JsonObject> Funding { get; } = [];

    public VenueOrderRecord? Find(JsonNode? oidOrCloid)
    {
        if (oidOrCloid is JsonValue v && v.TryGetValue<long>(out var oid))
        {
            return ByOid.GetValueOrDefault(oid);
        }

        if (oidOrCloid is JsonValue s && s.TryGetValue<string>(out var cloid) && OidByCloid.TryGetValue(cloid.ToLowerInvariant(), out var byCloid))
        {
            return ByOid.GetValueOrDefault(byCloid);
        }

        return null;
    }
}
