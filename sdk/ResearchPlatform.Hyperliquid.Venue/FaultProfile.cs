using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// Faults the venue injects (JSON file, snake_case): latency_ms + latency_jitter_ms on every HTTP request,
/// rate_429 and rate_5xx (probability per request, answered before processing), ws_drop_every_ms (close every
/// WebSocket periodically; 0 = never), out_of_order_rate (probability that a WebSocket message is held back and sent
/// after the next one), seed.
/// </summary>
public sealed record FaultProfile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static FaultProfile None { get; } = new();

    public int LatencyMs { get; init; }

    public int LatencyJitterMs { get; init; }

    [JsonPropertyName("rate_429")]
    public double Rate429 { get; init; }

    [JsonPropertyName("rate_5xx")]
    public double Rate5xx { get; init; }

    public int WsDropEveryMs { get; init; }

    public double OutOfOrderRate { get; init; }

    public int Seed { get; init; } = 7;

    /// <summary>Reads a profile; errors name the file and the problem.</summary>
    public static FaultProfile Load(string path)
    {
        try
        {
            var profile = JsonSerializer.Deserialize<FaultProfile>(File.ReadAllText(path), Options)
                ?? throw new FormatException($"fault profile '{path}' is JSON null");
            var problems = profile.Validate();
            return problems.Count == 0 ? profile : throw new FormatException($"fault profile '{path}': {string.Join("; ", problems)}");
        }
        catch (JsonException e)
        {
            throw new FormatException($"fault profile '{path}': {e.Message}", e);
        }
    }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LatencyMs < 0 || LatencyJitterMs < 0 || WsDropEveryMs < 0)
        {
            problems.Add("latency_ms, latency_jitter_ms and ws_drop_every_ms must be >= 0");
        }

        foreach (var (name, rate) in new[] { ("rate_429", Rate429), ("rate_5xx", Rate5xx), ("out_of_order_rate", OutOfOrderRate) })
        {
            if (rate is < 0 or > 1)
            {
                problems.Add($"{name} must be within [0, 1]");
            }
        }

        return problems;
    }
}
