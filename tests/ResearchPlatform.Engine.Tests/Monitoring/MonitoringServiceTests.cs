using Microsoft.Extensions.Time.Testing;
using ResearchPlatform.Engine.Monitoring;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.Monitoring;

public sealed class MonitoringServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Tick_TwoComponentsFailWithinWindow_OneSystemAlertNamingBoth()
    {
        var time = new FakeTimeProvider(Start);
        var alerts = new CapturingPublisher();
        var states = new List<ComponentStatus> { new("venue", "running", false), new("risk_manager", "running", false), new("data_feed", "running", false) };
        var svc = new MonitoringService(new MonitoringOptions { Thresholds = [], AnomalyMetrics = [] }, alerts, Path.GetTempPath(), time, () => [.. states]);

        svc.Tick();
        states[0] = new("venue", "faulted", true, "connection refused");
        states[1] = new("risk_manager", "faulted", true);
        time.Advance(TimeSpan.FromSeconds(10));
        svc.Tick();
        time.Advance(TimeSpan.FromSeconds(10));
        svc.Tick();

        var alert = Assert.Single(alerts.Alerts);
        Assert.Equal((AlertLevel.Critical, AlertCategory.System), (alert.Level, alert.Category));
        Assert.Equal("Cascade: 2 components failing: risk_manager, venue", alert.Title);
        Assert.Contains("venue: faulted (connection refused)", alert.Body, StringComparison.Ordinal);
        Assert.Equal("risk_manager,venue", alert.Context["components"]);
    }

    [Fact]
    public void Tick_ThresholdBreached_RaisesOnceUntilCleared()
    {
        var time = new FakeTimeProvider(Start);
        var alerts = new CapturingPublisher();
        var options = new MonitoringOptions { Thresholds = [new ThresholdRule("trading.drawdown", ">", 0.1, AlertLevel.Critical)], AnomalyMetrics = [] };
        var svc = new MonitoringService(options, alerts, Path.GetTempPath(), time);

        foreach (var dd in new[] { 0.05, 0.12, 0.15, 0.08, 0.11 })
        {
            svc.ReportTrading(new TradingMetrics(-100, 0.5, dd, 0.4, 0.3, 1));
            svc.Tick();
        }

        var raised = alerts.Alerts.ToList();
        Assert.Equal(2, raised.Count); // 0.12 (first breach) and 0.11 (breach again after clearing at 0.08)
        Assert.All(raised, a => Assert.Equal((AlertLevel.Critical, AlertCategory.Trading), (a.Level, a.Category)));
        Assert.Equal(["0.12", "0.11"], raised.Select(a => a.Context["value"]));
        Assert.Equal("trading.drawdown > 0.1", raised[0].Title);
    }

    [Fact]
    public void Tick_SpikeInPnl_RaisesAnomalyAlertOnlyForTheSpike()
    {
        var time = new FakeTimeProvider(Start);
        var alerts = new CapturingPublisher();
        var svc = new MonitoringService(new MonitoringOptions { Thresholds = [], AnomalyMetrics = ["trading.pnl"] }, alerts, Path.GetTempPath(), time);
        var rng = new Random(3);

        for (var i = 0; i < 120; i++)
        {
            var pnl = 1000 + (i * 2) + ((rng.NextDouble() - 0.5) * 10) + (i == 90 ? -400 : 0);
            svc.ReportTrading(new TradingMetrics(pnl, 1, 0.02, 0.5, 0.2, 0));
            svc.Tick();
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var alert = Assert.Single(alerts.Alerts);
        Assert.Equal("anomaly:trading.pnl", alert.Key);
        Assert.Equal(Start.AddSeconds(900), alert.RaisedAt);
        Assert.True(double.Parse(alert.Context["robust_z"], System.Globalization.CultureInfo.InvariantCulture) < -6);
    }

    [Fact]
    public void Collect_System_ReportsLiveFigures()
    {
        var svc = new MonitoringService(new MonitoringOptions(), new CapturingPublisher(), Path.GetTempPath());
        _ = svc.Collect();
        var busyUntil = Environment.TickCount64 + 50;
        var x = 0.0;
        while (Environment.TickCount64 < busyUntil)
        {
            x += Math.Sqrt(x + 1);
        }

        var s = svc.Collect().System;

        Assert.True(x > 0);
        Assert.InRange(s.CpuPercent, 0.01, 100);
        Assert.True(s.WorkingSetBytes > 10_000_000, $"working set {s.WorkingSetBytes}");
        Assert.True(s.ManagedHeapBytes > 0);
        Assert.True(s.ThreadPoolThreads > 0);
        Assert.True(s.DiskFreeBytes > 0 && s.DiskTotalBytes >= s.DiskFreeBytes, $"disk {s.DiskFreeBytes}/{s.DiskTotalBytes}");
    }

    [Fact]
    public void Downsample_OldRawSamples_FoldIntoMinuteThenHourBuckets()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var store = new MonitoringHistoryStore(db);
        for (var i = 0; i < 120; i++)
        {
            store.Append(Start.AddSeconds(i), [new("m", i), new("other", 1)]);
        }

        var removed = store.Downsample(Start.AddHours(2), rawRetention: TimeSpan.FromHours(1), minuteRetention: TimeSpan.FromDays(1));
        var rows = store.Query("m", Start, Start.AddHours(3));

        Assert.Equal(240, removed);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(("1m", 60), (r.Resolution, r.Samples)));
        Assert.Equal((Start, 29.5, 0.0, 59.0), (rows[0].At, rows[0].Value, rows[0].Min, rows[0].Max));
        Assert.Equal((Start.AddMinutes(1), 89.5, 60.0, 119.0), (rows[1].At, rows[1].Value, rows[1].Min, rows[1].Max));

        store.Downsample(Start.AddDays(2), TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        var hour = Assert.Single(store.Query("m", Start, Start.AddHours(3)));
        Assert.Equal(("1h", 120, 59.5, 0.0, 119.0), (hour.Resolution, hour.Samples, hour.Value, hour.Min, hour.Max));
    }
}
