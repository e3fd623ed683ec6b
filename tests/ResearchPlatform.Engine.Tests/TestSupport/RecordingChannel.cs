using System.Collections.Concurrent;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Channels;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>An alert channel that records what it receives; <see cref="Behaviour"/> can delay or fail deliveries.</summary>
internal sealed class RecordingChannel(string name) : IAlertChannel
{
    public string Name { get; } = name;

    public ConcurrentQueue<AlertNotice> Received { get; } = new();

    public Func<AlertNotice, CancellationToken, Task>? Behaviour { get; set; }

    public async Task DeliverAsync(AlertNotice notice, CancellationToken ct)
    {
        if (Behaviour is not null)
        {
            await Behaviour(notice, ct);
        }

        Received.Enqueue(notice);
    }
}
