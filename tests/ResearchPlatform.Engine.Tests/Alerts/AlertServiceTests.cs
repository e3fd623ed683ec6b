using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.Alerts;

public sealed class AlertServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Publish_SameKeyWithinWindow_CollapsesIntoOneAlertWithCount()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var time = new FakeTimeProvider(Start);
        var ch = new RecordingChannel("a");
        await using var service = AlertKit.Service(db, new AlertsConfig { Channels = [AlertKit.Channel("a")], ThrottleWindow = TimeSpan.FromMinutes(5) }, time, ch);

        var first = service.PublishAndGetId(AlertKit.Make());
        time.Advance(TimeSpan.FromMinutes(1));
        var second = service.PublishAndGetId(AlertKit.Make());
        time.Advance(TimeSpan.FromMinutes(1));
        var third = service.PublishAndGetId(AlertKit.Make());
        var other = service.PublishAndGetId(AlertKit.Make(key: "k2"));
        time.Advance(TimeSpan.FromMinutes(4)); // past the first window
        var afterWindow = service.PublishAndGetId(AlertKit.Make());
        await AlertKit.Flush(service);

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, afterWindow);
        var stored = service.Get(first)!;
        Assert.Equal(3, stored.Count);
        Assert.Equal(Start.AddMinutes(2), stored.LastSeenAt);
        Assert.Equal(3, ch.Received.Count); // first, k2, the one after the window; repeats are counted, not re-sent
        Assert.Equal(2, service.Counters.Collapsed);
        Assert.Equal(3, service.List(new AlertFilter()).Count);
    }

    [Fact]
    public async Task Escalation_UnacknowledgedCritical_GoesToNextChannelSetAfterDelay()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var time = new FakeTimeProvider(Start);
        var (primary, pager, boss) = (new RecordingChannel("primary"), new RecordingChannel("pager"), new RecordingChannel("boss"));
        var config = new AlertsConfig
        {
            Channels = [AlertKit.Channel("primary"), AlertKit.Channel("pager", escalationOnly: true), AlertKit.Channel("boss", escalationOnly: true)],
            Escalation = [new EscalationStep(TimeSpan.FromMinutes(5), ["pager"]), new EscalationStep(TimeSpan.FromMinutes(15), ["boss"])],
        };
        await using var service = AlertKit.Service(db, config, time, primary, pager, boss);

        var id = service.PublishAndGetId(AlertKit.Make(AlertLevel.Critical));
        var warning = service.PublishAndGetId(AlertKit.Make(AlertLevel.Warning, key: "w"));
        await AlertKit.Flush(service);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await AlertKit.Flush(service);
        Assert.Empty(pager.Received);

        time.Advance(TimeSpan.FromSeconds(1));
        await AlertKit.Flush(service);
        var escalated = Assert.Single(pager.Received);
        Assert.Equal((id, 1), (escalated.Id, escalated.EscalationStage));
        Assert.StartsWith("[ESCALATED 1]", escalated.DisplayTitle, StringComparison.Ordinal);
        Assert.Empty(boss.Received);

        time.Advance(TimeSpan.FromMinutes(10));
        await AlertKit.Flush(service);
        Assert.Equal(2, Assert.Single(boss.Received).EscalationStage);
        Assert.Equal(2, service.Get(id)!.EscalationStage);
        Assert.Equal(0, service.Get(warning)!.EscalationStage);
        Assert.Equal(2, primary.Received.Count);
        Assert.Contains(service.Get(id)!.Deliveries, d => d is { Channel: "boss", Stage: 2, Status: "delivered" });
    }

    [Fact]
    public async Task Acknowledge_BeforeDelay_StopsEscalation()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var time = new FakeTimeProvider(Start);
        var (primary, pager) = (new RecordingChannel("primary"), new RecordingChannel("pager"));
        var config = new AlertsConfig
        {
            Channels = [AlertKit.Channel("primary"), AlertKit.Channel("pager", escalationOnly: true)],
            Escalation = [new EscalationStep(TimeSpan.FromMinutes(5), ["pager"])],
        };
        await using var service = AlertKit.Service(db, config, time, primary, pager);

        var id = service.PublishAndGetId(AlertKit.Make(AlertLevel.Emergency));
        await AlertKit.Flush(service);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(service.Acknowledge(id, "alice"));
        time.Advance(TimeSpan.FromMinutes(10));
        await AlertKit.Flush(service);

        Assert.Empty(pager.Received);
        var stored = service.Get(id)!;
        Assert.Equal(("alice", Start.AddMinutes(2)), (stored.AcknowledgedBy, stored.AcknowledgedAt!.Value));
        Assert.Contains("already acknowledged by alice", service.Acknowledge(id, "bob"), StringComparison.Ordinal);
        Assert.Contains("no alert with id 'nope'", service.Acknowledge("nope", "bob"), StringComparison.Ordinal);
        Assert.Empty(service.List(new AlertFilter(UnacknowledgedOnly: true)));
        Assert.Null(service.Resolve(id));
        Assert.NotNull(service.Get(id)!.ResolvedAt);
    }

    [Fact]
    public async Task Publish_HangingChannel_DoesNotBlockPublishOrOtherChannels()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var (stuck, healthy) = (new RecordingChannel("stuck"), new RecordingChannel("healthy"));
        stuck.Behaviour = (_, ct) => Task.Delay(Timeout.Infinite, ct); // honours only the attempt timeout (30 s)
        var config = new AlertsConfig
        {
            Channels = [AlertKit.Channel("stuck", attempts: 1) with { Timeout = TimeSpan.FromSeconds(30) }, AlertKit.Channel("healthy")],
            ShutdownGrace = TimeSpan.FromMilliseconds(100),
        };
        await using var service = AlertKit.Service(db, config, TimeProvider.System, stuck, healthy);

        var sw = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, 10).Select(i => service.PublishAndGetId(AlertKit.Make(key: "k" + i))).ToList();
        var publishMs = sw.ElapsedMilliseconds;
        var deadline = Environment.TickCount64 + 20_000;
        while (healthy.Received.Count < 10 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(10);
        }

        var healthyMs = sw.ElapsedMilliseconds;
        Assert.True(publishMs < 500, $"publishing 10 alerts took {publishMs} ms");
        Assert.Equal(10, healthy.Received.Count);
        Assert.True(healthyMs < 25_000, $"healthy channel took {healthyMs} ms; the stuck channel's first attempt alone lasts 30 s");
        Assert.Empty(stuck.Received);
        var first = service.Get(ids[0])!.Deliveries.Single(d => d.Channel == "stuck");
        Assert.Equal("queued", first.Status); // still inside its first attempt while every healthy delivery is done
    }

    [Fact]
    public async Task Publish_OverRateCap_RecordsRateLimited()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var time = new FakeTimeProvider(Start);
        var ch = new RecordingChannel("a");
        await using var service = AlertKit.Service(db, new AlertsConfig { Channels = [AlertKit.Channel("a", perMinute: 3)] }, time, ch);

        var ids = Enumerable.Range(0, 5).Select(i => service.PublishAndGetId(AlertKit.Make(key: "k" + i))).ToList();
        await AlertKit.Flush(service);
        time.Advance(TimeSpan.FromMinutes(1));
        var later = service.PublishAndGetId(AlertKit.Make(key: "later"));
        await AlertKit.Flush(service);

        Assert.Equal(4, ch.Received.Count);
        var statuses = ids.Select(id => service.Get(id)!.Deliveries.Single().Status).ToList();
        Assert.Equal(3, statuses.Count(s => s == "delivered"));
        Assert.Equal(2, statuses.Count(s => s == "rate_limited"));
        Assert.Equal("delivered", service.Get(later)!.Deliveries.Single().Status);
    }

    [Fact]
    public async Task Publish_BelowMinLevel_SkipsThatChannel()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var (all, critical) = (new RecordingChannel("all"), new RecordingChannel("critical"));
        var config = new AlertsConfig { Channels = [AlertKit.Channel("all"), AlertKit.Channel("critical", AlertLevel.Critical)] };
        await using var service = AlertKit.Service(db, config, new FakeTimeProvider(Start), all, critical);

        service.Publish(AlertKit.Make(AlertLevel.Warning, key: "w"));
        service.Publish(AlertKit.Make(AlertLevel.Critical, key: "c"));
        await AlertKit.Flush(service);

        Assert.Equal(2, all.Received.Count);
        Assert.Equal("c", Assert.Single(critical.Received).Alert.Key);
        Assert.Equal(["c"], service.List(new AlertFilter(MinLevel: AlertLevel.Critical)).Select(a => a.Key));
        Assert.Empty(service.List(new AlertFilter(Category: AlertCategory.Genetic)));
    }

    [Fact]
    public async Task DecisionAlert_NeedsReview_CarriesDecisionId()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var ch = new RecordingChannel("a");
        await using var service = AlertKit.Service(db, new AlertsConfig { Channels = [AlertKit.Channel("a")] }, new FakeTimeProvider(Start), ch);

        var id = service.PublishAndGetId(DecisionAlerts.NeedsReview("dec-42", "strategy_pool_sizing", "pool 7", 0.41, urgent: false, Start));
        await AlertKit.Flush(service);

        var stored = service.Get(id)!;
        Assert.Equal(AlertCategory.Decision, stored.Category);
        Assert.Equal("dec-42", stored.Context[DecisionAlerts.DecisionIdKey]);
        Assert.Equal("dec-42", Assert.Single(ch.Received).Alert.Context["decision_id"]);
    }
}
