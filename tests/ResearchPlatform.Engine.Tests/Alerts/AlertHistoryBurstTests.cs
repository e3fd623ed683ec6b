using Microsoft.Extensions.Time.Testing;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Monitoring;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.Alerts;

/// <summary>
/// The alert history under bursts. The database lock is held by the test while alerts are published, so the history writer
/// is blocked and the queue fills deterministically (no timing assumptions), then released.
/// </summary>
public sealed class AlertHistoryBurstTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Burst_FiveThousandAlerts_AllStoredAfterFlush_InPublishOrder_OneTransactionPerBatch()
    {
        using var db = ResearchDatabase.OpenInMemory();
        using var access = DatabaseAccess.Held(db);
        var channel = new RecordingChannel("a");
        await using var service = Service(access, channel, capacity: 10_000);
        var keys = Enumerable.Range(0, 5_000).Select(i => $"burst:{i}").ToList();

        using (HoldDatabase(access))
        {
            foreach (var (key, i) in keys.Select((k, i) => (k, i)))
            {
                service.Publish(AlertKit.Make(i % 7 == 0 ? AlertLevel.Critical : AlertLevel.Warning, key: key));
            }

            Assert.Equal(5_000, service.Counters.HistoryQueued);
        }

        await AlertKit.Flush(service);

        Assert.Equal(keys, Column(db, "SELECT alert_key FROM alerts ORDER BY rowid"));
        Assert.Equal(5_000, service.Counters.HistoryStored);
        Assert.Equal(0, service.Counters.HistoryQueued);
        Assert.Equal(0, service.Counters.DroppedTotal);

        // At most one item was taken before the writer blocked; the rest are stored MaxBatch at a time: one commit per batch.
        Assert.InRange(service.Counters.HistoryBatches, 1, 1 + (int)Math.Ceiling(5_000.0 / AlertService.MaxBatch));

        // Every alert was delivered once and its delivery row records it.
        Assert.Equal(5_000, channel.Received.Count);
        Assert.Equal(["delivered"], Column(db, "SELECT DISTINCT status FROM alert_deliveries"));
        Assert.Equal(["5000"], Column(db, "SELECT count(*)::VARCHAR FROM alert_deliveries"));
    }

    [Fact]
    public async Task FullQueue_DropsOnlyAlertsBelowCritical_CountsThemByLevel_AndMetricsShowThem()
    {
        using var db = ResearchDatabase.OpenInMemory();
        using var access = DatabaseAccess.Held(db);
        await using var service = Service(access, new RecordingChannel("a"), capacity: 10);
        var published = new List<(string Key, string Id)>();

        using (HoldDatabase(access))
        {
            void Publish(AlertLevel level, string key) => published.Add((key, service.PublishAndGetId(AlertKit.Make(level, key: key))));
            for (var i = 0; i < 30; i++)
            {
                Publish(AlertLevel.Warning, $"w{i}");
            }

            for (var i = 0; i < 5; i++)
            {
                Publish(AlertLevel.Critical, $"c{i}");
                Publish(AlertLevel.Emergency, $"e{i}");
                Publish(AlertLevel.Informational, $"i{i}");
            }
        }

        await AlertKit.Flush(service);

        var stored = Column(db, "SELECT alert_key FROM alerts ORDER BY rowid");
        var expected = Enumerable.Range(0, 10).Select(i => $"w{i}").Concat(Enumerable.Range(0, 5).SelectMany(i => new[] { $"c{i}", $"e{i}" })).ToList();
        Assert.Equal(expected, stored);
        Assert.Equal(20, service.Counters.Dropped["WARNING"]);
        Assert.Equal(5, service.Counters.Dropped["INFORMATIONAL"]);
        Assert.False(service.Counters.Dropped.ContainsKey("CRITICAL"));
        Assert.False(service.Counters.Dropped.ContainsKey("EMERGENCY"));
        Assert.All(published.Where(p => !stored.Contains(p.Key)), p => Assert.Equal(string.Empty, p.Id));

        var metrics = PrometheusRenderer.Render(null, service.Counters);
        Assert.Contains("rp_alerts_dropped_total{level=\"WARNING\"} 20", metrics, StringComparison.Ordinal);
        Assert.Contains("rp_alert_history_stored_total 20", metrics, StringComparison.Ordinal);
        Assert.Contains("rp_alert_history_queued 0", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_WithABurstStillQueued_StoresEverythingFirst()
    {
        using var db = ResearchDatabase.OpenInMemory();
        using var access = DatabaseAccess.Held(db);
        var service = Service(access, new RecordingChannel("a"), capacity: 10_000);
        Task disposing;
        using (HoldDatabase(access))
        {
            for (var i = 0; i < 2_000; i++)
            {
                service.Publish(AlertKit.Make(key: $"d{i}"));
            }

            // Repeats of a stored key only update its count; they must survive the dispose too.
            service.Publish(AlertKit.Make(key: "d0"));
            service.Publish(AlertKit.Make(key: "d0"));
            disposing = service.DisposeAsync().AsTask();
        }

        await disposing.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(["2000"], Column(db, "SELECT count(*)::VARCHAR FROM alerts"));
        Assert.Equal(["3"], Column(db, "SELECT occurrences::VARCHAR FROM alerts WHERE alert_key = 'd0'"));
        Assert.Equal(2_000, service.Counters.HistoryStored);
    }

    private static AlertService Service(DatabaseAccess access, RecordingChannel channel, int capacity) => new(
        new AlertsConfig { Channels = [AlertKit.Channel(channel.Name, perMinute: 1_000_000) with { QueueCapacity = 10_000 }], HistoryQueueCapacity = capacity, ResendOnStart = false },
        new AlertStore(access), new Dictionary<string, ResearchPlatform.Engine.Alerts.Channels.IAlertChannel> { [channel.Name] = channel }, new SecretRedactor(), new FakeTimeProvider(Start));

    /// <summary>Holds the database lock on another thread until disposed: the history writer blocks on its first write.</summary>
    private static IDisposable HoldDatabase(DatabaseAccess access)
    {
        var entered = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holder = new Thread(() => access.Use(_ =>
        {
            entered.Set();
            release.Wait();
        }))
        { IsBackground = true };
        holder.Start();
        Assert.True(entered.Wait(TimeSpan.FromMinutes(1)), "could not take the database lock");
        return new Release(() =>
        {
            release.Set();
            holder.Join();
            entered.Dispose();
            release.Dispose();
        });
    }

    private static List<string> Column(ResearchDatabase db, string sql)
    {
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = sql;
        using var rd = cmd.ExecuteReader();
        var list = new List<string>();
        while (rd.Read())
        {
            list.Add(rd.GetString(0));
        }

        return list;
    }

    private sealed class Release(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
