using System.Text.Json;
using System.Threading.Channels;

namespace ResearchPlatform.Host.Service.Events;

/// <summary>
/// Fans events out to every connected <c>/api/stream</c> client. Each subscriber has a bounded queue that drops its
/// oldest events when the client reads too slowly, so a stuck browser never holds the publisher up.
/// </summary>
internal sealed class EventHub
{
    private readonly List<Channel<ServerEvent>> _subscribers = [];
    private readonly Lock _lock = new();

    public int Subscribers
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Serializes <paramref name="payload"/> once (snake_case) and queues it for every subscriber.</summary>
    public void Publish(string name, object payload)
    {
        Channel<ServerEvent>[] targets;
        lock (_lock)
        {
            if (_subscribers.Count == 0)
            {
                return;
            }

            targets = [.. _subscribers];
        }

        var e = new ServerEvent(name, JsonSerializer.Serialize(payload, ApiJson.Options));
        foreach (var t in targets)
        {
            t.Writer.TryWrite(e);
        }
    }

    /// <summary>A new subscriber's queue; dispose the returned handle to unsubscribe.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<ServerEvent>(new BoundedChannelOptions(512) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            _subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    private void Remove(Channel<ServerEvent> channel)
    {
        lock (_lock)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>One subscriber's queue.</summary>
    internal sealed class Subscription(EventHub hub, Channel<ServerEvent> channel) : IDisposable
    {
        public ChannelReader<ServerEvent> Reader => channel.Reader;

        public void Dispose() => hub.Remove(channel);
    }
}
