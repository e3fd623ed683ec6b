using System.Diagnostics;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Execution.Validation;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Host.Bench;

/// <summary>
/// Times <see cref="OrderManager.SubmitAsync"/> end to end: validation, a risk check, the journal append (with or
/// without fsync) and the place call on the in-process simulated venue, for resting limit orders. Events are applied
/// between timed batches, outside the measurement.
/// </summary>
internal static class OrderManagerBenchmark
{
    private static readonly InstrumentSpec Btc = new("BTC", 0.1m, 0.001m, 0.001m, 1_000m, 10m);

    /// <summary>
    /// <paramref name="mode"/>: <c>fsync</c> (file journal, fsync per append), <c>buffered</c> (file journal, write()
    /// only) or <c>group</c> (group commit: write() per append, fsync every 10 ms on a background thread, mirrored into
    /// a DuckDB file in batches of 4,096, the paper sessions' journal).
    /// </summary>
    public static async Task<OrderBenchResult> RunAsync(int orders, int warmup, string mode, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"bench-orders-{mode}-{Environment.ProcessId}.jsonl");
        var dbPath = Path.Combine(directory, $"bench-orders-{Environment.ProcessId}.duckdb");
        File.Delete(path);
        try
        {
            var time = TimeProvider.System;
            var venue = new SimulatedVenue(new SimulatedVenueOptions { Instruments = [Btc] }, time);
            venue.ProcessCandle(new Candle("BTC", time.GetUtcNow(), 100m, 100m, 100m, 100m, 1_000m));
            using var db = mode == "group" ? Engine.Storage.ResearchDatabase.Open(dbPath) : null;
            using IOrderJournal journal = db is not null
                ? new GroupCommitOrderJournal(path, new DuckDbJournalMirror(db.Connection, "bench"))
                : new FileOrderJournal(path, mode == "fsync");
            var manager = new OrderManager(venue, journal, new OrderManagerOptions { ClientIdPrefix = "B" }, time, new NotionalCap(1_000_000m));
            await manager.StartAsync(cancellationToken);
            var samples = new double[orders];
            for (var i = -warmup; i < orders; i++)
            {
                var request = Request(i, time);
                var start = Stopwatch.GetTimestamp();
                var result = await manager.SubmitAsync(request, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (result.State != OrderState.Accepted)
                {
                    throw new InvalidOperationException($"benchmark order {result.ClientOrderId} ended {result.State}: {result.Reason}");
                }

                if (i >= 0)
                {
                    samples[i] = elapsed.TotalMicroseconds;
                }

                if ((i & 1023) == 0)
                {
                    while (venue.TryReadEvent(out var e))
                    {
                        manager.Apply(e!);
                    }
                }
            }

            return Summarise(mode, samples);
        }
        finally
        {
            File.Delete(path);
            File.Delete(dbPath);
            File.Delete(dbPath + ".wal");
        }
    }

    private static OrderRequest Request(int i, TimeProvider time)
    {
        var buy = (i & 1) == 0;
        var offset = 5m + ((i & 63) * 0.1m);
        var price = buy ? 100m - offset : 100m + offset;
        return new OrderRequest("BTC", buy ? OrderSide.Buy : OrderSide.Sell, OrderType.Limit, 0.2m, 100m, time.GetUtcNow(), price);
    }

    private static OrderBenchResult Summarise(string mode, double[] samples)
    {
        var sorted = samples.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var total = samples.Sum();
        return new OrderBenchResult(mode, samples.Length, P(0.5), P(0.9), P(0.99), P(0.999), sorted[^1], total / samples.Length, samples.Length / (total / 1_000_000));
    }

    private sealed class NotionalCap(decimal max) : IOrderRiskCheck
    {
        public RiskVerdict Evaluate(SubmitOrder order, decimal referencePrice, decimal currentPosition) =>
            order.Quantity * (order.LimitPrice ?? referencePrice) <= max ? RiskVerdict.Approve : RiskVerdict.Deny("max-notional");
    }
}
