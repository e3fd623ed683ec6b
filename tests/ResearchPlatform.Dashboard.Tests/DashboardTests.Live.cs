using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using ResearchPlatform.Dashboard.Tests.TestSupport;

namespace ResearchPlatform.Dashboard.Tests;

/// <summary>
/// Steering and live research while the replay runs: strategy stop/start from the Strategies page, an evolution started
/// from the Evolution page (charts growing live, hall of fame, Pareto front) and the dashboard's responsiveness measured
/// while that evolution and the replay both run.
/// </summary>
public sealed partial class DashboardTests
{
    private const string FitnessPoints = "() => Number(document.querySelector('[data-testid=fitness-chart]')?.dataset.points || 0)";

    /// <summary>Wall-clock length of the run started in the browser: long enough to watch it and measure under it.</summary>
    private const int LiveRunSeconds = 20;

    private static string? _paretoRunId;

    [Fact]
    [Step(4)]
    public async Task Strategies_StopThenStartWithToken_StatusFlipsAndOrdersStopGrowing()
    {
        var id = (await fx.GetAsync("api/strategies")).EnumerateArray().First(s => s.GetProperty("running").GetBoolean()).GetProperty("id").GetString()!;
        output.WriteLine($"strategy {id}: {await OrdersOfAsync(id)} orders before the stop");
        await using var tab = await fx.OpenAsync();
        await tab.LoadAsync("strategies");
        var row = tab.Page.Locator($"[data-testid=strategies] tr[data-id=\"{id}\"]");
        var state = row.Locator("[data-testid=run-state]");
        await Assertions.Expect(state).ToHaveTextAsync("running");

        // Backtest and out-of-sample metrics beside the paper ones: the kernel's Sharpe as the API gives it.
        var api = (await fx.GetAsync("api/strategies")).EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
        foreach (var set in new[] { "backtest", "out_of_sample" })
        {
            var sharpe = api.GetProperty(set).GetProperty("sharpe").GetDouble();
            await Assertions.Expect(row.Locator($"[data-testid=metrics] tr[data-set={set}] td").Nth(1)).ToHaveTextAsync(sharpe.ToString("#,0.00", CultureInfo.InvariantCulture));
        }

        // The deployment store's strategies follow the traded ones with their own stage, not traded, no start/stop.
        var pool = (await fx.GetAsync("api/strategies")).EnumerateArray().Where(s => !s.GetProperty("controllable").GetBoolean()).ToList();
        Assert.NotEmpty(pool);
        foreach (var s in pool)
        {
            var stored = tab.Page.Locator($"[data-testid=strategies] tr[data-id=\"{s.GetProperty("id").GetString()}\"]");
            await Assertions.Expect(stored.Locator("[data-testid=stage]")).ToHaveTextAsync(s.GetProperty("stage").GetString()!);
            Assert.Equal(0, await stored.Locator("button").CountAsync());
            if (s.GetProperty("out_of_sample").ValueKind == JsonValueKind.Object) // from the run's hall of fame: its OOS metrics
            {
                var sharpe = s.GetProperty("out_of_sample").GetProperty("sharpe").GetDouble();
                await Assertions.Expect(stored.Locator("[data-testid=metrics] tr[data-set=out_of_sample] td").Nth(1)).ToHaveTextAsync(sharpe.ToString("#,0.00", CultureInfo.InvariantCulture));
            }
        }

        Assert.Contains(pool, s => s.GetProperty("out_of_sample").ValueKind == JsonValueKind.Object);

        output.WriteLine($"pool beside the traded strategies: {string.Join(", ", pool.Select(s => $"{s.GetProperty("id").GetString()} {s.GetProperty("stage").GetString()}"))}");
        await row.Locator($"[data-testid=\"toggle-{id}\"]").ClickAsync();
        await tab.Page.FillAsync("[data-testid=token-input]", fx.Serve.Token()); // no token stored yet: the modal asks
        await tab.Page.ClickAsync("[data-testid=modal-submit]");
        await Assertions.Expect(state).ToHaveTextAsync("stopped");
        Assert.False(IsRunning(await fx.GetAsync("api/strategies"), id));
        await tab.ScreenshotAsync("strategies-stopped");

        // A bar in flight when the stop landed may still place its order: count from the next bar on, then let the
        // replay move 6 more bars (2 s at 3 bars/s) and check the stopped strategy placed nothing.
        var bars = await BarsReplayedAsync();
        await WaitUntilAsync(async () => await BarsReplayedAsync() > bars, "the replay to move one bar");
        var orders = await OrdersOfAsync(id);
        bars = await BarsReplayedAsync();
        await WaitUntilAsync(async () => await BarsReplayedAsync() >= bars + 6, "the replay to move 6 bars with the strategy stopped");
        Assert.Equal(orders, await OrdersOfAsync(id));
        output.WriteLine($"stopped: {orders} orders, unchanged over bars {bars}..{await BarsReplayedAsync()}");

        await row.Locator($"[data-testid=\"toggle-{id}\"]").ClickAsync(); // token kept for the tab: no prompt
        await Assertions.Expect(state).ToHaveTextAsync("running");
        Assert.True(IsRunning(await fx.GetAsync("api/strategies"), id));
        await tab.ScreenshotAsync("strategies-restarted");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    [Step(5)]
    public async Task Evolution_RunStartedInBrowser_ChartsGrowLiveAndHallOfFameAppears()
    {
        // Runs stored before (the fixture's pool run): the page selects the new one once it started.
        var earlier = (await fx.GetAsync("api/evolution/runs")).EnumerateArray().Select(r => "run " + r.GetProperty("run_id").GetString()).ToArray();
        await using var tab = await fx.OpenAsync();
        await tab.LoadAsync("evolution");
        await tab.Page.ClickAsync("[data-testid=new-run]");
        await tab.Page.FillAsync("[data-testid=token-input]", fx.Serve.Token());
        await tab.Page.FillAsync("[data-testid=run-population]", "16");
        await tab.Page.FillAsync("[data-testid=run-generations]", "100000");
        await tab.Page.FillAsync("[data-testid=run-time_budget_seconds]", LiveRunSeconds.ToString(CultureInfo.InvariantCulture));
        await tab.Page.FillAsync("[data-testid=run-stagnation]", "0");
        await tab.Page.ClickAsync("[data-testid=modal-submit]");
        await tab.Page.Locator("[data-testid=modal]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await tab.Page.WaitForFunctionAsync(
            "earlier => { const t = document.querySelector('[data-testid=selected-run]')?.textContent || ''; return t.startsWith('run ') && !earlier.includes(t); }", earlier);
        var runId = (await tab.Page.TextContentAsync("[data-testid=selected-run]"))!["run ".Length..];
        var pareto = await fx.PostAsync("api/evolution/runs", """{"objective":"pareto","population":16,"generations":100000,"time_budget_seconds":4,"stagnation":0}""");
        _paretoRunId = pareto.GetProperty("run_id").GetString();

        // The chart must grow inside this document: a first count while the run is going, then at least two more points.
        await tab.Page.WaitForFunctionAsync($"() => ({FitnessPoints})() >= 1");
        var first = await tab.Page.EvaluateAsync<int>(FitnessPoints);
        Assert.Equal("running", await RunStatusAsync(runId));
        await tab.Page.WaitForFunctionAsync($"n => ({FitnessPoints})() >= n + 2", first);
        var later = await tab.Page.EvaluateAsync<int>(FitnessPoints);
        output.WriteLine($"run {runId}: fitness chart {first} -> {later} points while it runs (same document)");
        Assert.True(int.Parse((await tab.Page.GetAttributeAsync("[data-testid=diversity-chart]", "data-points"))!, CultureInfo.InvariantCulture) >= first);
        await tab.ScreenshotAsync("evolution-live");

        await MeasureResponsivenessAsync(runId);

        var hof = tab.Page.Locator("[data-testid=hall-of-fame] tbody tr");
        await hof.First.WaitForAsync(new() { Timeout = (LiveRunSeconds + 40) * 1000 }); // appears when the run completes
        Assert.Equal("completed", await RunStatusAsync(runId));
        var detail = await fx.GetAsync($"api/evolution/runs/{runId}");
        Assert.Equal(detail.GetProperty("hall_of_fame").GetArrayLength(), await hof.CountAsync());
        var stored = detail.GetProperty("generations").GetArrayLength();
        await tab.Page.WaitForFunctionAsync($"n => ({FitnessPoints})() === n", stored);
        var dsr = detail.GetProperty("deflated_sharpe").GetProperty("deflated").GetDouble();
        await Assertions.Expect(tab.Page.Locator("[data-testid=dsr-value]")).ToHaveTextAsync(dsr.ToString("0.000", CultureInfo.InvariantCulture));
        output.WriteLine($"run {runId} completed: {stored} generations charted, {await hof.CountAsync()} hall-of-fame rows, deflated Sharpe {dsr:F3}");
        await AssertReadsWellAsync(tab, "evolution-completed");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    [Step(6)]
    public async Task Evolution_ParetoRunSelected_FrontPlotted()
    {
        var id = _paretoRunId ?? (await fx.PostAsync("api/evolution/runs", """{"objective":"pareto","population":16,"generations":3}""")).GetProperty("run_id").GetString()!;
        await WaitUntilAsync(async () => await RunStatusAsync(id) == "completed", $"pareto run {id} to complete", TimeSpan.FromSeconds(60));
        var front = (await fx.GetAsync($"api/evolution/runs/{id}")).GetProperty("pareto_front").GetArrayLength();
        Assert.True(front > 0, "a completed pareto run stores its front");

        await using var tab = await fx.OpenAsync();
        await tab.LoadAsync("evolution");
        await tab.Page.ClickAsync($"[data-testid=runs] tr[data-run=\"{id}\"]");
        await Assertions.Expect(tab.Page.Locator("[data-testid=selected-run]")).ToHaveTextAsync($"run {id}");
        await tab.Page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=pareto-chart]')?.dataset.points) === n", front);
        Assert.Equal(1, await tab.Page.Locator("[data-testid=pareto-chart] canvas").CountAsync());
        await AssertReadsWellAsync(tab, "evolution-pareto");
        output.WriteLine($"pareto run {id}: {front} non-dominated strategies plotted");
        Assert.Empty(tab.Errors);
    }

    /// <summary>
    /// Page loads (navigation start to load event, and to the data rendered) of every page and the push latency (server
    /// send time in each <c>evolution</c> event vs the browser's receive time) while the evolution and the replay run.
    /// Printed and saved as <c>screenshots/dashboard-timings.json</c>; asserted only against a stall (10 s).
    /// </summary>
    private async Task MeasureResponsivenessAsync(string runId)
    {
        var barsBefore = await BarsReplayedAsync();
        await using var tab = await fx.OpenAsync();
        await tab.LoadAsync("overview"); // warm-up document of the new context
        var samples = await tab.Page.EvaluateAsync<double[]>("""
            () => new Promise((resolve) => {
              const lat = [];
              const es = new EventSource('/api/stream');
              const done = () => { es.close(); resolve(lat); };
              es.addEventListener('evolution', (e) => {
                const d = JSON.parse(e.data);
                if (d.sent_at) lat.push(Date.now() - Date.parse(d.sent_at.replace(/(\.\d{3})\d+/, '$1')));
                if (lat.length >= 20) done();
              });
              setTimeout(done, 4000);
            })
            """);
        var pages = new List<object>();
        var loads = new List<double>();
        foreach (var route in Routes)
        {
            var (load, ready) = await tab.LoadTimedAsync(route);
            loads.Add(Math.Max(load, ready));
            pages.Add(new { route, load_event_ms = Math.Round(load), ready_ms = Math.Round(ready) });
            output.WriteLine(FormattableString.Invariant($"under evolution + replay: {route} load event {load:F0} ms, data rendered {ready:F0} ms"));
        }

        var latency = Percentiles.Of(samples);
        var evolutionRunning = await RunStatusAsync(runId) == "running";
        var barsAfter = await BarsReplayedAsync();
        output.WriteLine($"push latency (evolution events, server send -> browser receive): {latency}");
        output.WriteLine($"evolution still running after the measurements: {evolutionRunning}; replay bars {barsBefore} -> {barsAfter}");
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard-timings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(
            new
            {
                measured_at = DateTimeOffset.UtcNow,
                load_per_core = Math.Round(MachineLoad.PerCore(), 2),
                evolution_run = runId,
                evolution_running_at_end = evolutionRunning,
                replay_bars = new[] { barsBefore, barsAfter },
                page_load = pages,
                push_latency_ms = new { count = latency.Count, min = latency.Min, p50 = latency.P50, p95 = latency.P95, max = latency.Max },
            },
            new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        output.WriteLine("timings: " + path);

        Assert.True(barsAfter > barsBefore, "the replay runs while the dashboard is measured");
        Assert.All(loads, l => Assert.True(l < 10_000, $"a page load took {l:F0} ms (stall)"));
        Assert.True(latency.Count > 0, "evolution events reach the browser while the run goes");
        Assert.True(latency.P50 < 10_000, $"push latency {latency}");
        Assert.Empty(tab.Errors);
    }

    private async Task<string?> RunStatusAsync(string runId) => (await fx.GetAsync($"api/evolution/runs/{runId}")).GetProperty("status").GetString();

    private async Task<int> OrdersOfAsync(string strategyId) =>
        (await fx.GetAsync("api/orders?limit=10000")).EnumerateArray().Count(o => o.GetProperty("strategy_id").GetString() == strategyId);

    private static bool IsRunning(JsonElement strategies, string id) =>
        strategies.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).GetProperty("running").GetBoolean();
}
