using System.Collections.Concurrent;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>
/// Process-lifetime counters for the metrics endpoint: alerts raised, deliveries per channel and outcome, and the history
/// writer's progress (stored, batches, queued, dropped by level when the history queue was full).
/// </summary>
public sealed class AlertCounters
{
    private readonly ConcurrentDictionary<(string Level, string Category), long> _raised = new();
    private readonly ConcurrentDictionary<(string Channel, string Outcome), long> _deliveries = new();
    private readonly ConcurrentDictionary<string, long> _dropped = new(StringComparer.Ordinal);
    private long _collapsed;
    private long _stored;
    private long _batches;
    private long _queued;

    /// <summary>Alerts raised (after throttling: one per new alert) by level and category.</summary>
    public IReadOnlyDictionary<(string Level, string Category), long> Raised => _raised;

    /// <summary>Delivery outcomes (delivered, failed, rate_limited, retried) by channel.</summary>
    public IReadOnlyDictionary<(string Channel, string Outcome), long> Deliveries => _deliveries;

    /// <summary>Repeats collapsed by throttling.</summary>
    public long Collapsed => Interlocked.Read(ref _collapsed);

    /// <summary>New alerts written to the history (in order of publishing).</summary>
    public long HistoryStored => Interlocked.Read(ref _stored);

    /// <summary>Transactions the history writer committed (each holds a batch of alerts, repeats and their queued deliveries).</summary>
    public long HistoryBatches => Interlocked.Read(ref _batches);

    /// <summary>New alerts published but not yet stored (the history queue's length).</summary>
    public long HistoryQueued => Interlocked.Read(ref _queued);

    /// <summary>
    /// Alerts below CRITICAL refused because the history queue was full (by level): neither stored nor delivered.
    /// CRITICAL and EMERGENCY alerts are never refused.
    /// </summary>
    public IReadOnlyDictionary<string, long> Dropped => _dropped;

    /// <summary>Total of <see cref="Dropped"/>.</summary>
    public long DroppedTotal => _dropped.Values.Sum();

    internal void CountRaised(string level, string category) => _raised.AddOrUpdate((level, category), 1, (_, n) => n + 1);

    internal void CountDelivery(string channel, string outcome) => _deliveries.AddOrUpdate((channel, outcome), 1, (_, n) => n + 1);

    internal void CountCollapsed() => Interlocked.Increment(ref _collapsed);

    internal void CountQueued() => Interlocked.Increment(ref _queued);

    internal void CountStored(int alerts)
    {
        Interlocked.Add(ref _stored, alerts);
        Interlocked.Add(ref _queued, -alerts);
    }

    internal void CountBatch() => Interlocked.Increment(ref _batches);

    internal void CountDropped(string level) => _dropped.AddOrUpdate(level, 1, (_, n) => n + 1);
}
