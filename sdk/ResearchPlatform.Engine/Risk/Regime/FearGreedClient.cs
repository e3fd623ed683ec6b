using System.Globalization;
using System.Text.Json;

namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>
/// Client for the alternative.me Fear &amp; Greed API (<c>/fng/?limit=N</c>) for live and paper trading: serves a cached
/// answer for <see cref="FearGreedClientOptions.CacheTtl"/>, gives up after <see cref="FearGreedClientOptions.Timeout"/>,
/// and on any failure falls back to the last good answer flagged <see cref="FearGreedReading.IsStale"/> with the error.
/// Backtests use <see cref="FearGreedHistory"/> instead. Thread-safe.
/// </summary>
internal sealed class FearGreedClient
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly FearGreedClientOptions _options;
    private readonly Lock _gate = new();
    private FearGreedReading? _cached;
    private int _cachedLimit;

    public FearGreedClient(HttpClient http, TimeProvider time, FearGreedClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        _http = http;
        _time = time;
        _options = options ?? FearGreedClientOptions.Default;
    }

    /// <summary>The last <paramref name="limit"/> daily values (newest first), fresh, cached or stale.</summary>
    public async Task<FearGreedReading> GetAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_cached is { } c && _cachedLimit >= limit && now - c.FetchedAt < _options.CacheTtl)
            {
                return c with { Points = c.Points.Take(limit).ToArray() };
            }
        }

        try
        {
            var points = await FetchAsync(limit, ct);
            var fresh = new FearGreedReading(points, now, false, null);
            lock (_gate)
            {
                _cached = fresh;
                _cachedLimit = limit;
            }

            return fresh;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or FormatException or TimeoutException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var error = ex is OperationCanceledException ? $"timed out after {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s" : ex.Message;
            lock (_gate)
            {
                return _cached is { } c
                    ? c with { Points = c.Points.Take(limit).ToArray(), IsStale = true, Error = error }
                    : new FearGreedReading([], now, true, error);
            }
        }
    }

    private async Task<IReadOnlyList<FearGreedPoint>> FetchAsync(int limit, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(_options.Timeout);
        var uri = new Uri(_options.BaseUri, "fng/?limit=" + limit.ToString(CultureInfo.InvariantCulture));
        using var response = await _http.GetAsync(uri, cts.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} from {uri}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
        using var doc = await JsonDocument.ParseAsync(body, default, cts.Token);
        return Parse(doc.RootElement);
    }

    /// <summary>Parses the API's JSON: <c>{"data":[{"value":"40","timestamp":"1551157200",...}]}</c>.</summary>
    internal static IReadOnlyList<FearGreedPoint> Parse(JsonElement root)
    {
        if (root.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.String)
        {
            throw new FormatException("API error: " + err.GetString());
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("response has no 'data' array");
        }

        var points = new List<FearGreedPoint>(data.GetArrayLength());
        var i = 0;
        foreach (var item in data.EnumerateArray())
        {
            var value = ReadInt(item, "value", i);
            var ts = ReadLong(item, "timestamp", i);
            var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(ts).UtcDateTime);
            points.Add(new FearGreedPoint(day, value));
            i++;
        }

        return points;
    }

    private static int ReadInt(JsonElement item, string field, int index) => checked((int)ReadLong(item, field, index));

    private static long ReadLong(JsonElement item, string field, int index)
    {
        if (item.TryGetProperty(field, out var v))
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n))
            {
                return n;
            }

            if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
            {
                return n;
            }
        }

        throw new FormatException($"data[{index}].{field} is missing or not an integer");
    }
}
