using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Alerts;
using ResearchPlatform.Host.Service.Components;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Tests.Lifecycle;

public sealed class TradingSystemManagerTests
{
    private readonly List<string> _journal = [];
    private readonly InMemoryAlertStore _alerts = new();

    [Fact]
    public async Task StartAsync_ComponentsRegisteredOutOfOrder_StartByTierAndStopInReverse()
    {
        var m = Manager(
        [
            C("alerting", ComponentTier.Monitoring), C("risk_manager", ComponentTier.Engines), C("connections", ComponentTier.Connections),
            C("market_data", ComponentTier.DataClients), C("order_manager", ComponentTier.Engines), C("fear_greed", ComponentTier.DataClients),
        ]);

        var health = await m.StartAsync(CancellationToken.None);
        await m.StopAsync(CancellationToken.None);

        Assert.Equal(
            ["start connections", "start market_data", "start fear_greed", "start risk_manager", "start order_manager", "start alerting",
             "stop alerting", "stop order_manager", "stop risk_manager", "stop fear_greed", "stop market_data", "stop connections"],
            _journal);
        Assert.True(health.Healthy);
        Assert.Equal(1.0, health.HealthScore);
    }

    [Theory]
    [InlineData(4, 1, true)]   // 4/5 = 0.8: healthy at exactly the threshold
    [InlineData(3, 1, false)]  // 3/4 = 0.75
    [InlineData(7, 3, false)]  // 7/10 = 0.7
    public async Task Health_ConnectedShare_HealthyFromThreshold(int connected, int failed, bool healthy)
    {
        var components = Enumerable.Range(0, connected).Select(i => C($"ok{i}", ComponentTier.Engines))
            .Concat(Enumerable.Range(0, failed).Select(i => C($"bad{i}", ComponentTier.Engines, outcome: ComponentHealth.Failed("down"), kind: ComponentKind.Optional)))
            .ToList();
        var m = Manager(components);

        var health = await m.StartAsync(CancellationToken.None);

        Assert.Equal((double)connected / (connected + failed), health.HealthScore, 6);
        Assert.Equal(healthy, health.Healthy);
        Assert.Equal(0.8, health.Threshold);
    }

    [Fact]
    public async Task StartAsync_ThrowingAndHangingComponents_OthersStartAndAllStop()
    {
        var m = Manager(
        [
            C("connections", ComponentTier.Connections),
            new FakeComponent("market_data", ComponentTier.DataClients, _journal) { StartThrows = new InvalidOperationException("feed refused") },
            new FakeComponent("fear_greed", ComponentTier.DataClients, _journal, ComponentKind.Optional) { StartDelay = TimeSpan.FromSeconds(30), StartTimeout = TimeSpan.FromMilliseconds(200) },
            new FakeComponent("order_manager", ComponentTier.Engines, _journal) { StopThrows = new IOException("disk gone") },
            new FakeComponent("paper_engine", ComponentTier.Engines, _journal) { StopDelay = TimeSpan.FromSeconds(30), StopTimeout = TimeSpan.FromMilliseconds(200) },
            C("alerting", ComponentTier.Monitoring),
        ]);

        var health = await m.StartAsync(CancellationToken.None);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await m.StopAsync(CancellationToken.None);

        var byName = health.Components.ToDictionary(c => c.Name);
        Assert.Equal(ComponentStatus.Error, byName["market_data"].Status);
        Assert.Equal("start failed: InvalidOperationException: feed refused", byName["market_data"].Reason);
        Assert.Equal(ComponentStatus.Error, byName["fear_greed"].Status);
        Assert.StartsWith("start timed out after 200 ms", byName["fear_greed"].Reason, StringComparison.Ordinal);
        Assert.All(new[] { "connections", "order_manager", "paper_engine", "alerting" }, n => Assert.Equal(ComponentStatus.Connected, byName[n].Status));
        Assert.Equal(4.0 / 6, health.HealthScore, 6);
        Assert.Equal(
            ["stop alerting", "stop paper_engine", "stop order_manager", "stop fear_greed", "stop market_data", "stop connections"],
            _journal.Where(j => j.StartsWith("stop", StringComparison.Ordinal)));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"stop took {sw.Elapsed}");
        Assert.Contains(_alerts.List(new AlertFilter()), a => a.Key == "component:market_data" && a.Level == "critical");
        Assert.Contains(_alerts.List(new AlertFilter()), a => a.Key == "component:fear_greed" && a.Level == "warning");
    }

    [Fact]
    public async Task Health_CriticalFailedInLiveMode_BlocksLiveTradingWithReason()
    {
        var components = new List<IManagedComponent>
        {
            C("exchange", ComponentTier.Connections, outcome: ComponentHealth.Failed("no live exchange adapter")),
            C("fear_greed", ComponentTier.DataClients, outcome: ComponentHealth.Degraded("stale"), kind: ComponentKind.Optional),
        };
        components.AddRange(Enumerable.Range(0, 8).Select(i => C($"engine{i}", ComponentTier.Engines)));

        var live = await Manager(components, TradingMode.Live).StartAsync(CancellationToken.None);
        _journal.Clear();
        var paper = await Manager(components, TradingMode.Paper).StartAsync(CancellationToken.None);

        Assert.True(live.Healthy); // 8/10 connected
        Assert.True(live.LiveTradingBlocked);
        Assert.Equal("live trading blocked: critical component(s) not connected: exchange ERROR (no live exchange adapter)", live.BlockedReason);
        Assert.Equal(["optional component fear_greed is DEGRADED: stale"], live.Warnings);
        Assert.False(paper.LiveTradingBlocked);
    }

    [Fact]
    public async Task Report_StatusChanges_RaisedAsEventsAndAlerts()
    {
        var m = Manager([C("fear_greed", ComponentTier.DataClients, kind: ComponentKind.Optional)]);
        var events = new List<ComponentStatusChanged>();
        m.StatusChanged += events.Add;
        await m.StartAsync(CancellationToken.None);

        m.Report("fear_greed", ComponentHealth.Degraded("feed stale for 3 days"));
        m.Report("fear_greed", ComponentHealth.Degraded("feed stale for 3 days")); // no change: no event
        m.Report("fear_greed", ComponentHealth.Connected);

        Assert.Equal(
            [(ComponentStatus.Connecting, ComponentStatus.Connecting), (ComponentStatus.Connected, ComponentStatus.Connecting), (ComponentStatus.Degraded, ComponentStatus.Connected), (ComponentStatus.Connected, ComponentStatus.Degraded)],
            events.Select(e => (e.Current.Status, e.Previous!.Value)).ToList());
        var alerts = _alerts.List(new AlertFilter(Category: AlertCategory.System));
        Assert.Equal(["informational", "warning"], alerts.Select(a => a.Level));
        Assert.Equal("feed stale for 3 days", alerts[1].Body);
    }

    [Fact]
    public async Task ExecuteOperationAsync_SuccessAndFailure_RecordedWithLatencyAndObserved()
    {
        var observed = new List<(string, bool)>();
        var calls = 0;
        var ops = new IOperationHandler[]
        {
            new DelegateOperation("risk_evaluation", async (args, ct) =>
            {
                await Task.Delay(20, ct);
                return args["quantity"];
            }),
            new DelegateOperation("fear_greed", (_, _) => ++calls % 2 == 0 ? throw new HttpRequestException("503 from api") : Task.FromResult<object?>(42)),
        };
        var m = new TradingSystemManager([], ops, [new Observer(observed)], Options.Create(new TradingSystemOptions()), _alerts, TimeProvider.System, NullLogger<TradingSystemManager>.Instance);

        var ok = await m.ExecuteOperationAsync("risk_evaluation", new Dictionary<string, string> { ["quantity"] = "0.5" }, CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            await m.ExecuteOperationAsync("fear_greed", null, CancellationToken.None);
        }

        Assert.True(ok.Succeeded);
        Assert.Equal("0.5", ok.Result);
        Assert.True(ok.ElapsedMs >= 15, $"elapsed {ok.ElapsedMs}");
        var stats = m.OperationStatistics().ToDictionary(s => s.Operation);
        Assert.Equal((4L, 2L), (stats["fear_greed"].Count, stats["fear_greed"].Failures));
        Assert.Equal("HttpRequestException: 503 from api", stats["fear_greed"].LastError);
        Assert.True(stats["risk_evaluation"].P99Ms >= 15);
        Assert.Equal(5, observed.Count);
        Assert.Equal(2, observed.Count(o => !o.Item2));
        await Assert.ThrowsAsync<ArgumentException>(() => m.ExecuteOperationAsync("nope", null, CancellationToken.None));
    }

    private TradingSystemManager Manager(IReadOnlyList<IManagedComponent> components, TradingMode mode = TradingMode.Paper) =>
        new(components, [], [], Options.Create(new TradingSystemOptions { Mode = mode }), _alerts, TimeProvider.System, NullLogger<TradingSystemManager>.Instance);

    private FakeComponent C(string name, ComponentTier tier, ComponentHealth? outcome = null, ComponentKind kind = ComponentKind.Critical) =>
        new(name, tier, _journal, kind) { Outcome = outcome ?? ComponentHealth.Connected };

    private sealed class Observer(List<(string, bool)> seen) : IOperationObserver
    {
        public void OnOperation(string name, TimeSpan elapsed, bool succeeded, string? error) => seen.Add((name, succeeded));
    }
}
