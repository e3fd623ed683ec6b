using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using ResearchPlatform.Engine.Resilience;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Resilience;

public sealed class ResilienceManagerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Supervise_ComponentKeepsFaulting_RestartsWithBackoffThenEscalatesWhileOthersKeepTrading()
    {
        var time = new FakeTimeProvider(T0);
        var alerts = new RecordingAlertPublisher();
        var risk = new RiskManager(new RiskGenome(), time);
        var options = new ResilienceOptions { MaxRestarts = 3, BaseBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(60), Jitter = 0.2, Window = TimeSpan.FromMinutes(10) };
        await using var manager = new ResilienceManager(options, time, alerts, (e, _) =>
        {
            risk.RaiseFloor("resilience:" + e.Component, RiskLevel.High);
            return Task.CompletedTask;
        });
        var faulty = new FaultyComponent("market_feed");
        var trader = new TradingComponent("paper_engine");
        manager.Add(faulty);
        manager.Add(trader);
        manager.Start();

        var delays = new List<TimeSpan>();
        for (var fault = 1; fault <= 3; fault++)
        {
            var s = await WaitFor(manager, "market_feed", st => st.State == SupervisionState.Restarting && st.Restarts == fault - 1);
            var delay = s.NextStartAt!.Value - s.LastErrorAt!.Value;
            delays.Add(delay);
            var nominal = TimeSpan.FromSeconds(Math.Pow(2, fault - 1));
            Assert.InRange(delay, nominal * 0.8, nominal * 1.2);
            time.Advance(delay - TimeSpan.FromMilliseconds(1));
            await Task.Delay(50);
            Assert.Equal(fault, faulty.Runs); // not restarted before its backoff ran out
            time.Advance(TimeSpan.FromMilliseconds(1));
            await WaitUntil(() => faulty.Runs == fault + 1);
        }

        var escalated = await WaitFor(manager, "market_feed", st => st.State == SupervisionState.Escalated);
        Assert.Equal(3, escalated.Restarts);
        Assert.Equal(4, faulty.Runs);
        Assert.Contains("feed lost #4", escalated.LastError, StringComparison.Ordinal);
        Assert.True(delays[2] > delays[0]);
        var critical = Assert.Single(alerts.Alerts, a => a.Level == AlertLevel.Critical);
        Assert.Equal("market_feed", critical.Component);
        Assert.Contains("feed lost #3", critical.Body, StringComparison.Ordinal);
        Assert.Contains("feed lost #4", critical.Body, StringComparison.Ordinal);
        Assert.Equal(3, alerts.Alerts.Count(a => a.Level == AlertLevel.Warning));
        await WaitUntil(() => risk.Level == RiskLevel.High);

        // escalated: no more restarts however long we wait; the trading component keeps processing bars
        time.Advance(TimeSpan.FromHours(1));
        for (var bar = 0; bar < 5; bar++)
        {
            await trader.Bars.Writer.WriteAsync(bar);
        }

        await WaitUntil(() => trader.Processed == 5);
        Assert.Equal(4, faulty.Runs);
        Assert.Equal(SupervisionState.Running, manager.Status("paper_engine")!.State);
        Assert.Equal(0, manager.Status("paper_engine")!.Restarts);
    }

    [Fact]
    public async Task Supervise_FaultsFurtherApartThanWindow_NeverEscalate()
    {
        var time = new FakeTimeProvider(T0);
        var alerts = new RecordingAlertPublisher();
        var options = new ResilienceOptions { MaxRestarts = 1, BaseBackoff = TimeSpan.FromSeconds(2), Jitter = 0, Window = TimeSpan.FromMinutes(1) };
        await using var manager = new ResilienceManager(options, time, alerts);
        var faulty = new FaultyComponent("snapshots");
        manager.Add(faulty);
        manager.Start();
        for (var fault = 1; fault <= 4; fault++)
        {
            var s = await WaitFor(manager, "snapshots", st => st.State == SupervisionState.Restarting && st.Restarts == fault - 1);
            Assert.Equal(TimeSpan.FromSeconds(2), s.NextStartAt - s.LastErrorAt); // first fault in its window each time
            time.Advance(TimeSpan.FromMinutes(2));
            await WaitUntil(() => faulty.Runs == fault + 1);
        }

        Assert.DoesNotContain(alerts.Alerts, a => a.Level == AlertLevel.Critical);
    }

    [Fact]
    public void NextBackoff_SameSeed_SameDelaysDoublingUpToTheCap()
    {
        var options = new ResilienceOptions { BaseBackoff = TimeSpan.FromMilliseconds(500), MaxBackoff = TimeSpan.FromSeconds(4), Jitter = 0.25, Seed = 3 };
        var a = new ResilienceManager(options, TimeProvider.System, NullAlertPublisher.Instance);
        var b = new ResilienceManager(options, TimeProvider.System, NullAlertPublisher.Instance);
        var other = new ResilienceManager(options with { Seed = 4 }, TimeProvider.System, NullAlertPublisher.Instance);
        var first = Enumerable.Range(1, 8).Select(a.NextBackoff).ToList();
        var second = Enumerable.Range(1, 8).Select(b.NextBackoff).ToList();
        var third = Enumerable.Range(1, 8).Select(other.NextBackoff).ToList();
        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
        double[] nominal = [500, 1000, 2000, 4000, 4000, 4000, 4000, 4000];
        for (var i = 0; i < 8; i++)
        {
            Assert.InRange(first[i].TotalMilliseconds, nominal[i] * 0.75, nominal[i] * 1.25);
        }
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesEveryField()
    {
        var bad = new ResilienceOptions { MaxRestarts = -1, BaseBackoff = TimeSpan.Zero, Jitter = 1.5 };
        var ex = Assert.Throws<ArgumentException>(() => new ResilienceManager(bad, TimeProvider.System, NullAlertPublisher.Instance));
        Assert.Contains("max_restarts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("base_backoff", ex.Message, StringComparison.Ordinal);
        Assert.Contains("jitter", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_RunningComponents_EndStopped()
    {
        var alerts = new RecordingAlertPublisher();
        var manager = new ResilienceManager(new ResilienceOptions(), TimeProvider.System, alerts);
        var trader = new TradingComponent("paper_engine");
        manager.Add(trader);
        manager.Start();
        await WaitFor(manager, "paper_engine", s => s.State == SupervisionState.Running);
        await manager.StopAsync(CancellationToken.None);
        Assert.Equal(SupervisionState.Stopped, manager.Status("paper_engine")!.State);
        Assert.Empty(alerts.Alerts);
        await manager.DisposeAsync();
    }

    [Fact]
    public async Task HealthProbeComponent_FailingProbe_IsRestartedThenEscalated()
    {
        var time = new FakeTimeProvider(T0);
        var alerts = new RecordingAlertPublisher();
        var probes = 0;
        var probe = new HealthProbeComponent("fear_greed", _ => Task.FromResult<string?>(Interlocked.Increment(ref probes) > 2 ? "stale for 3 h" : null), TimeSpan.FromSeconds(10), time);
        await using var manager = new ResilienceManager(new ResilienceOptions { MaxRestarts = 1, Jitter = 0 }, time, alerts);
        manager.Add(probe);
        manager.Start();
        await WaitUntil(() => Volatile.Read(ref probes) == 1);
        time.Advance(TimeSpan.FromSeconds(10)); // healthy second probe
        await WaitUntil(() => Volatile.Read(ref probes) == 2);
        time.Advance(TimeSpan.FromSeconds(10)); // third probe fails
        var s = await WaitFor(manager, "fear_greed", st => st.State == SupervisionState.Restarting);
        Assert.Contains("stale for 3 h", s.LastError, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(1));
        await WaitFor(manager, "fear_greed", st => st.State == SupervisionState.Escalated);
        Assert.Single(alerts.Alerts, a => a.Level == AlertLevel.Critical && a.Component == "fear_greed");
    }

    private static async Task<SupervisedStatus> WaitFor(ResilienceManager manager, string name, Func<SupervisedStatus, bool> condition)
    {
        SupervisedStatus? last = null;
        await WaitUntil(() => (last = manager.Status(name)) is { } s && condition(s));
        return last!;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 20 s");
            await Task.Delay(5);
        }
    }

    private sealed class FaultyComponent(string name) : ISupervisedComponent
    {
        private int _runs;

        public string Name => name;

        public int Runs => Volatile.Read(ref _runs);

        public Task RunAsync(CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _runs);
            throw new IOException($"feed lost #{n}");
        }
    }

    private sealed class TradingComponent(string name) : ISupervisedComponent
    {
        private int _processed;

        public string Name => name;

        public Channel<int> Bars { get; } = Channel.CreateUnbounded<int>();

        public int Processed => Volatile.Read(ref _processed);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await foreach (var _ in Bars.Reader.ReadAllAsync(cancellationToken))
            {
                Interlocked.Increment(ref _processed);
            }
        }
    }
}
