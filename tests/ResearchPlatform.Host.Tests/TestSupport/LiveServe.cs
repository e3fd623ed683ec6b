using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Venue;

namespace ResearchPlatform.Host.Tests.TestSupport;

/// <summary>
/// Helpers of the <c>rp serve --mode live</c> process tests against a <see cref="LocalVenue"/>: the test key and its
/// account, the venue, the serve arguments, the workspace's live journals, authenticated POSTs, polling with a
/// generous deadline and the venue's fills and open orders by cloid.
/// </summary>
internal static partial class LiveServe
{
    public const string Key = "0x0123456789012345678901234567890123456789012345678901234567890123";

    public static readonly string Address = HyperliquidPrivateKey.Parse(Key).Address;

    /// <summary>A local venue with the test account, 300 candles of history and a candle every 300 ms.</summary>
    public static Task<LocalVenue> VenueAsync(int rateLimitWeight = 1200) => LocalVenue.StartAsync(
        new LocalVenueOptions { Accounts = [Address], HistoryBars = 300, StepPeriod = TimeSpan.FromMilliseconds(300), Seed = 11, RateLimitWeight = rateLimitWeight }, CancellationToken.None);

    public static string[] Args(LocalVenue venue, string keyFile) =>
        ["--mode", "live", "--exchange", "hyperliquid", "--venue-url", venue.BaseUrl.ToString(), "--key-file", keyFile, "--coin", "BTC"];

    public static string KeyFile(TempDir dir)
    {
        var path = dir.Write("key.txt", Key + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>Candles the live loop traded so far (its "bar N" log lines).</summary>
    public static int Candles(ServeProcess serve) => BarLine().Count(serve.Stderr);

    public static async Task<int> PostAsync(HttpClient http, string ws, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body.Length == 0 ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(ws, "serve.token")).Trim());
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    public static Task WaitAsync(Func<bool> condition, ServeProcess serve, string what) => WaitAsync(() => Task.FromResult(condition()), serve, what);

    public static async Task WaitAsync(Func<Task<bool>> condition, ServeProcess serve, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: not reached in time; stderr:\n{serve.Stderr}");
            await Task.Delay(50);
        }
    }

    /// <summary>Submitted client ids and filled quantity per id over the workspace's live journals (one strategy's, or all).</summary>
    public static (List<string> Submitted, Dictionary<string, decimal> Filled) Journals(string ws, string strategy = "*")
    {
        var submitted = new List<string>();
        var filled = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var folder = Path.Combine(ws, "serve", "journal");
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, $"live-BTC-{strategy}.jsonl") : [])
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            foreach (var line in reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var e = JsonDocument.Parse(line);
                var id = e.RootElement.GetProperty("client_order_id").GetString()!;
                switch (e.RootElement.GetProperty("kind").GetString())
                {
                    case "submitted":
                        submitted.Add(id);
                        break;
                    case "filled":
                        filled[id] = filled.GetValueOrDefault(id) + e.RootElement.GetProperty("fill_quantity").GetDecimal();
                        break;
                }
            }
        }

        return (submitted, filled);
    }

    /// <summary>/api/strategies: id -> running.</summary>
    public static async Task<Dictionary<string, bool>> RunningAsync(HttpClient http)
    {
        using var strategies = JsonDocument.Parse(await http.GetStringAsync("/api/strategies"));
        // the strategies this process trades (controllable); the deployment store's other rows are listed, not traded
        return strategies.RootElement.EnumerateArray()
            .Where(s => !s.TryGetProperty("controllable", out var c) || c.GetBoolean())
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("running").GetBoolean());
    }

    public static async Task<Dictionary<string, decimal>> VenueFillsByCloidAsync(LocalVenue venue)
    {
        var fills = await InfoAsync(venue, "userFills");
        return fills.GroupBy(f => f!["cloid"]?.GetValue<string>() ?? "")
            .ToDictionary(g => g.Key, g => g.Sum(f => decimal.Parse(f!["sz"]!.GetValue<string>(), CultureInfo.InvariantCulture)));
    }

    /// <summary>The cloids of the account's open orders at the venue.</summary>
    public static async Task<HashSet<string>> VenueOpenCloidsAsync(LocalVenue venue) =>
        [.. (await InfoAsync(venue, "openOrders")).Select(o => o!["cloid"]?.GetValue<string>() ?? "")];

    private static async Task<JsonArray> InfoAsync(LocalVenue venue, string type)
    {
        using var http = new HttpClient { BaseAddress = venue.BaseUrl };
        using var response = await http.PostAsJsonAsync("info", new { type, user = Address });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    [GeneratedRegex(@"\bbar \d+ ")]
    private static partial Regex BarLine();
}
