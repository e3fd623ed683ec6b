using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace ResearchPlatform.Dashboard.Tests.TestSupport;

/// <summary>
/// Shared by the dashboard tests: a temporary workspace holding the BTC/USD daily sample and one decision awaiting a
/// human, a real <c>rp serve</c> replaying those bars, and one headless chromium (Debian's, through Playwright).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private RpServe? _serve;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal RpServe Serve => _serve ?? throw new InvalidOperationException("not started");

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    /// <summary>The id of the decision queued for review before the service started.</summary>
    internal string PendingDecisionId { get; private set; } = "";

    /// <summary>A second decision queued for review, which the tests reject.</summary>
    internal string RejectDecisionId { get; private set; } = "";

    /// <summary>The decision rules folder the service watches (a copy of the repository's rules/).</summary>
    internal string RulesFolder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var chromium = Chromium.ExecutablePath(); // fails first, with the install hint, when the browser is missing
        var ws = Path.Combine(_dir.Path, "ws");
        await RpServe.RunAsync(ws, "data", "import", RepoPaths.SampleBars(), "--symbol", "BTC/USD", "--interval", "1d");
        var ctx = _dir.Write("ctx.json", """{ "capital": 5000, "strategies": [] }""");
        var decided = await RpServe.RunAsync(ws, "decide", "STRATEGY_POOL_SIZING", "--context", ctx, "--json");
        PendingDecisionId = JsonDocument.Parse(decided).RootElement.GetProperty("id").GetString()!;
        var second = await RpServe.RunAsync(ws, "decide", "STRATEGY_POOL_SIZING", "--context", ctx, "--json");
        RejectDecisionId = JsonDocument.Parse(second).RootElement.GetProperty("id").GetString()!;

        // A deployment pool beside the traded strategies: a small evolution's hall of fame added as candidates, which
        // the backtest gate passes (backtested) or retires, so the Strategies page shows more stages than "paper".
        await RpServe.RunAsync(ws, "evolve", "--symbol", "BTC/USD", "--interval", "1d", "--population", "8", "--generations", "2", "--threads", "1", "--no-alerts", "--json");
        await RpServe.RunAsync(ws, "strategies", "add", "--run", "evo-0001", "--top", "8", "--json");

        // The repository's rules in a folder of our own, so a test can break one and watch the Rules page report it.
        RulesFolder = Path.Combine(_dir.Path, "rules");
        Directory.CreateDirectory(RulesFolder);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root(), "rules")))
        {
            File.Copy(file, Path.Combine(RulesFolder, Path.GetFileName(file)));
        }

        _serve = await RpServe.StartAsync(ws, [.. ServeArgs, "--rules", RulesFolder], TimeSpan.FromSeconds(60));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        _dir.Dispose();
    }

    /// <summary>
    /// The replay the service runs while the tests watch: the daily sample at 259200x real time = 3 bars a second, so
    /// values move every second and the 1,318 bars (~7 minutes) outlast the tests even on a slow machine.
    /// </summary>
    internal static IReadOnlyList<string> ServeArgs { get; } = ["--replay", "BTC/USD", "--replay-interval", "1d", "--replay-speed", "259200x"];

    internal Task<DashboardPage> OpenAsync(bool phone = false) => DashboardPage.OpenAsync(Browser, Serve.BaseUrl, phone);

    /// <summary>POST with the service's token; fails unless 2xx; returns the JSON answer.</summary>
    internal async Task<JsonElement> PostAsync(string path, string json)
    {
        using var http = new HttpClient { BaseAddress = Serve.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Serve.Token());
        using var body = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var res = await http.PostAsync(new Uri(path, UriKind.Relative), body);
        var text = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"POST {path} -> {(int)res.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GET an API document straight from the service (for asserting what the page shows).</summary>
    internal async Task<JsonElement> GetAsync(string path, string? token = null)
    {
        using var http = new HttpClient { BaseAddress = Serve.BaseUrl };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var text = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
