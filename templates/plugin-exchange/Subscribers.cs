using System.Threading.Channels;

namespace __NAME__;

/// <summary>The open event streams of one kind: every published event goes to each of them.</summary>
internal sealed class Subscribers<T>
{
    private readonly Lock _gate = new();
    private readonly List<ChannelWriter<T>> _writers = [];

    public void Add(ChannelWriter<T> writer)
    {
        lock (_gate)
        {
            _writers.Add(writer);
        }
    }

    public void Remove(ChannelWriter<T> writer)
    {
        lock (_gate)
        {
            _writers.Remove(writer);
        }
    }

    public void Publish(T item)
    {
        lock (_gate)
        {
            foreach (var w in _writers)
            {
                w.TryWrite(item);
            }
        }
    }
}
