using System.Collections.Concurrent;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>Keeps every published alert, in order.</summary>
internal sealed class RecordingAlertPublisher : IAlertPublisher
{
    private readonly ConcurrentQueue<Alert> _alerts = new();

    public IReadOnlyList<Alert> Alerts => [.. _alerts];

    public void Publish(Alert alert) => _alerts.Enqueue(alert);
}
