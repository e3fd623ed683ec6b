using System.Collections.Concurrent;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>An <see cref="IAlertPublisher"/> that keeps what it is given.</summary>
internal sealed class CapturingPublisher : IAlertPublisher
{
    public ConcurrentQueue<Alert> Alerts { get; } = new();

    public void Publish(Alert alert) => Alerts.Enqueue(alert);
}
