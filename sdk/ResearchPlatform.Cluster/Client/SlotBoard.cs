using System.Threading.Channels;

namespace ResearchPlatform.Cluster.Client;

/// <summary>
/// The free evaluation slots of one evaluator call: a batch takes a slot (waiting for one), gives it back when done,
/// or retires the slot's silo when the silo failed. When the last silo is retired every waiter gets
/// <see cref="NoSiloLeftException"/>: nothing waits forever.
/// </summary>
internal sealed class SlotBoard
{
    private readonly Channel<SiloSlot> _free = Channel.CreateUnbounded<SiloSlot>();
    private readonly HashSet<string> _live = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public SlotBoard(IEnumerable<SiloInfo> silos)
    {
        ArgumentNullException.ThrowIfNull(silos);
        foreach (var silo in silos)
        {
            _live.Add(silo.Key);
        }

        // Interleave the slots so the first batches spread over every silo.
        var list = silos.ToList();
        for (var i = 0; i < list.Max(s => s.Cores); i++)
        {
            foreach (var s in list.Where(s => i < s.Cores))
            {
                _free.Writer.TryWrite(new SiloSlot(s, i));
            }
        }

        if (_live.Count == 0)
        {
            _free.Writer.TryComplete();
        }
    }

    /// <summary>The last reason a silo was retired.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Takes a free slot on a live silo.</summary>
    public async Task<SiloSlot> AcquireAsync(CancellationToken ct)
    {
        while (true)
        {
            SiloSlot slot;
            try
            {
                slot = await _free.Reader.ReadAsync(ct);
            }
            catch (ChannelClosedException ex)
            {
                throw new NoSiloLeftException("no silo of the cluster is left" + (LastFailure is null ? string.Empty : " (last failure: " + LastFailure + ")"), ex);
            }

            lock (_gate)
            {
                if (_live.Contains(slot.Silo.Key))
                {
                    return slot;
                }
            }
        }
    }

    /// <summary>Gives a slot back.</summary>
    public void Release(SiloSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        lock (_gate)
        {
            if (_live.Contains(slot.Silo.Key))
            {
                _free.Writer.TryWrite(slot);
            }
        }
    }

    /// <summary>Retires a silo; returns whether it was live until now.</summary>
    public bool Retire(SiloInfo silo, string reason)
    {
        ArgumentNullException.ThrowIfNull(silo);
        lock (_gate)
        {
            LastFailure = reason;
            if (!_live.Remove(silo.Key))
            {
                return false;
            }

            if (_live.Count == 0)
            {
                _free.Writer.TryComplete();
            }

            return true;
        }
    }
}
