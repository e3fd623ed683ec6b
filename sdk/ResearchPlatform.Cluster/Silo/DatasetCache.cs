using ResearchPlatform.Cluster.Contracts;
using ResearchPlatform.Cluster.Data;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Cluster.Silo;

/// <summary>
/// The silo's datasets by content key, least recently used evicted beyond <see cref="Capacity"/>. Thread-safe.
/// </summary>
internal sealed class DatasetCache(int capacity = 8)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, BarSeries Bars)> _lru = new();

    /// <summary>Datasets kept at most.</summary>
    public int Capacity { get; } = Math.Max(1, capacity);

    /// <summary>Datasets held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lru.Count;
            }
        }
    }

    /// <summary>The bars of <paramref name="key"/>, when held (marks them recently used).</summary>
    public bool TryGet(string key, out BarSeries bars)
    {
        lock (_gate)
        {
            for (var node = _lru.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _lru.Remove(node);
                    _lru.AddFirst(node);
                    bars = node.Value.Bars;
                    return true;
                }
            }
        }

        bars = null!;
        return false;
    }

    /// <summary>Decodes and stores a payload (checking its hashes); returns false when the key was already held.</summary>
    public bool Add(DatasetPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (TryGet(payload.Descriptor.Key, out _))
        {
            return false;
        }

        var bars = ArrowBarCodec.Decode(payload);
        lock (_gate)
        {
            if (_lru.Any(n => n.Key == payload.Descriptor.Key))
            {
                return false;
            }

            _lru.AddFirst((payload.Descriptor.Key, bars));
            while (_lru.Count > Capacity)
            {
                _lru.RemoveLast();
            }
        }

        return true;
    }
}
