using System.Collections.Concurrent;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>Process-lifetime counters for the metrics endpoint: alerts raised and deliveries per channel and outcome.</summary>
public sealed class AlertCounters
{
    private readonly ConcurrentDictionary<(string Level, string Category), long> _raised = new();
    private readonly ConcurrentDictionary<(string Channel, string Outcome), long> _deliveries = new();
    private long _collapsed;

    /// <summary>Alerts raised (after throttling: one per new alert) by level and category.</summary>
    public IReadOnlyDictionary<(string Level, string Category), long> Raised => _raised;

    /// <summary>Delivery outcomes (delivered, failed, rate_limited, retried) by channel.</summary>
    public IReadOnlyDictionary<(string Channel, string Outcome), long> Deliveries => _deliveries;

    /// <summary>Repeats collapsed by throttling.</summary>
    public long Collapsed => Interlocked.Read(ref _collapsed);

    internal void CountRaised(string level, string category) => _raised.AddOrUpdate((level, category), 1, (_, n) => n + 1);

    internal void CountDelivery(string channel, string outcome) => _deliveries.AddOrUpdate((channel, outcome), 1, (_, n) => n + 1);

    internal void CountCollapsed() => Interlocked.Increment(ref _collapsed);
}
