using System.Diagnostics;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Channels;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// A burst of distinct alerts published in a tight loop into an <see cref="AlertService"/> over a fresh workspace
/// database file with a FILE channel (the default configuration minus the console): how fast the history is stored,
/// how far it lags behind publishing (per-alert publish-to-stored latency, sampled every millisecond), how long until it
/// is complete, and how many alerts a full history queue refused.
/// </summary>
public static class AlertBenchmark
{
    /// <summary>The figures of one burst.</summary>
    public sealed record Result(
        int Alerts, int QueueCapacity, bool FileChannel, double PublishMs, double StoredCompleteMs, double AlertsStoredPerSecond, double LagP50Ms, double LagP99Ms,
        double LagMaxMs, long MaxQueued, long Stored, long StoredRows, long Batches, long Dropped, int ProcessorCount);

    public static async Task<Result> RunAsync(int alerts, int queueCapacity, bool withChannel, Action<string> progress, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rp-bench-alerts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            using var db = ResearchDatabase.Open(Path.Combine(dir, "research.duckdb"));
            var config = new AlertsConfig
            {
                Channels = withChannel ? [new AlertChannelConfig { Name = "file", Type = AlertChannelType.File, Path = Path.Combine(dir, "alerts.jsonl") }] : [],
                HistoryQueueCapacity = queueCapacity,
            };
            using var http = new HttpClient();
            var redactor = new SecretRedactor();
            var service = AlertService.Create(config, new AlertStore(db), new AlertChannelFactory(http, redactor, TimeProvider.System), redactor);
            await using (service)
            {
                progress($"publishing {alerts:N0} alerts in a tight loop ...");
                var published = new long[alerts];
                var samples = new List<(long At, long Stored)>();
                using var stop = new CancellationTokenSource();
                var sampler = Task.Run(() => Sample(service.Counters, samples, stop.Token), CancellationToken.None);
                var t0 = Stopwatch.GetTimestamp();
                var at = DateTimeOffset.UnixEpoch.AddYears(56);
                for (var i = 0; i < alerts; i++)
                {
                    published[i] = Stopwatch.GetTimestamp();
                    service.Publish(new Alert(i % 10 == 0 ? AlertLevel.Critical : AlertLevel.Warning, AlertCategory.System, "bench:" + i, "bench alert " + i,
                        "burst", "bench", new Dictionary<string, string> { ["i"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, at));
                }

                var publishMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                progress("waiting for the history to be complete ...");
                if (!await service.FlushAsync(TimeSpan.FromMinutes(10), ct))
                {
                    throw new TimeoutException("the alert history was not complete after 10 minutes");
                }

                await stop.CancelAsync();
                await sampler;
                var counters = service.Counters;
                var complete = samples.First(s => s.Stored >= counters.HistoryStored).At;
                var lags = Lags(published, samples, counters.HistoryStored);
                var rows = Convert.ToInt64(db.Connection.Scalar("SELECT count(*) FROM alerts"), System.Globalization.CultureInfo.InvariantCulture);
                var completeMs = Stopwatch.GetElapsedTime(t0, complete).TotalMilliseconds;
                return new Result(alerts, queueCapacity, withChannel, publishMs, completeMs, counters.HistoryStored / (completeMs / 1000.0),
                    Percentile(lags, 0.5), Percentile(lags, 0.99), lags.Length == 0 ? 0 : lags[^1], MaxQueued(published, samples),
                    counters.HistoryStored, rows, counters.HistoryBatches, counters.DroppedTotal, Environment.ProcessorCount);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Sample(AlertCounters counters, List<(long, long)> samples, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            samples.Add((Stopwatch.GetTimestamp(), counters.HistoryStored));
            Thread.Sleep(1);
        }

        samples.Add((Stopwatch.GetTimestamp(), counters.HistoryStored));
    }

    /// <summary>Publish-to-stored latency of every stored alert, sorted (history order is publish order, minus dropped ones).</summary>
    private static double[] Lags(long[] published, List<(long At, long Stored)> samples, long stored)
    {
        var lags = new List<double>();
        var s = 0;
        for (var i = 0; i < Math.Min(stored, published.Length); i++)
        {
            while (s < samples.Count && (samples[s].Stored <= i || samples[s].At < published[i]))
            {
                s++;
            }

            if (s < samples.Count)
            {
                lags.Add(Stopwatch.GetElapsedTime(published[i], samples[s].At).TotalMilliseconds);
            }
        }

        lags.Sort();
        return [.. lags];
    }

    private static long MaxQueued(long[] published, List<(long At, long Stored)> samples) =>
        samples.Select(s => published.Count(p => p <= s.At) - s.Stored).DefaultIfEmpty(0).Max();

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * q) - 1)];
}
