using System.Collections.Concurrent;
using Orleans.Runtime.Placement;
using Polly;
using ResearchPlatform.Cluster.Contracts;
using ResearchPlatform.Cluster.Grains;

namespace ResearchPlatform.Cluster.Client;

/// <summary>
/// The client's view of the cluster: active silos (from the membership, minus silos this client saw fail), their core
/// counts, and which silos already hold which dataset (each dataset travels to a silo at most once).
/// </summary>
internal sealed class ClusterTopology(IClusterClient client, TimeSpan callTimeout)
{
    private readonly ConcurrentDictionary<string, int> _cores = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _failed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Silo, string Dataset), Lazy<Task>> _uploads = new();
    private readonly ResiliencePipeline _timeout = new ResiliencePipelineBuilder().AddTimeout(callTimeout).Build();
    private long _uploadCount;
    private IReadOnlyList<SiloAddress> _lastActive = [];

    /// <summary>Datasets sent to silos by this client.</summary>
    public long Uploads => Interlocked.Read(ref _uploadCount);

    /// <summary>Places the next grain activation of the calling flow on <paramref name="silo"/>.</summary>
    public static void Hint(SiloAddress silo) => RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);

    /// <summary>The active silos this client has not seen fail, with their evaluation threads.</summary>
    public async Task<IReadOnlyList<SiloInfo>> LiveSilosAsync(CancellationToken ct)
    {
        var hosts = await ActiveSilosAsync(ct);
        var live = new List<SiloInfo>();
        foreach (var address in hosts.OrderBy(a => a.ToParsableString(), StringComparer.Ordinal))
        {
            var key = address.ToParsableString();
            if (_failed.ContainsKey(key))
            {
                continue;
            }

            if (!_cores.TryGetValue(key, out var cores))
            {
                try
                {
                    cores = (await StatusAsync(address, ct)).Cores;
                    _cores[key] = cores;
                }
                catch (Exception ex) when (ClusterErrors.IsTransient(ex, ct))
                {
                    MarkFailed(key);
                    continue;
                }
            }

            live.Add(new SiloInfo(address, key, Math.Max(1, cores)));
        }

        _lastActive = [.. live.Select(l => l.Address)];
        return live;
    }

    // The membership as the management grain reports it; when that call fails (e.g. it went through the gateway of a
    // silo that just died) it is tried again, and then the last known active silos stand in for it.
    private async Task<IReadOnlyList<SiloAddress>> ActiveSilosAsync(CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var hosts = await _timeout.ExecuteAsync(async token => await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, token), ct);
                return [.. hosts.Keys];
            }
            catch (Exception ex) when (ClusterErrors.IsTransient(ex, ct))
            {
                // try again
            }
        }

        return _lastActive;
    }

    /// <summary>The counters of one silo.</summary>
    public async Task<SiloWorkerStatus> StatusAsync(SiloAddress silo, CancellationToken ct) =>
        await _timeout.ExecuteAsync(
            async token =>
            {
                Hint(silo);
                return await client.GetGrain<ISiloInfoGrain>(silo.ToParsableString()).GetStatus().WaitAsync(token);
            },
            ct);

    /// <summary>Never use <paramref name="siloKey"/> again (its address changes when it restarts).</summary>
    public void MarkFailed(string siloKey) => _failed.TryAdd(siloKey, 0);

    /// <summary>Sends <paramref name="payload"/> to <paramref name="slot"/>'s silo unless this client already did.</summary>
    public Task EnsureDatasetAsync(SiloSlot slot, Func<DatasetPayload> payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(payload);
        var lazy = _uploads.GetOrAdd((slot.Silo.Key, payload().Descriptor.Key), _ => new Lazy<Task>(() => UploadAsync(slot, payload(), ct)));
        if (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _uploads.TryRemove(new KeyValuePair<(string, string), Lazy<Task>>((slot.Silo.Key, payload().Descriptor.Key), lazy));
        }

        return lazy.Value;
    }

    /// <summary>Forgets that <paramref name="siloKey"/> holds <paramref name="datasetKey"/> (the silo evicted it).</summary>
    public void ForgetDataset(string siloKey, string datasetKey) => _uploads.TryRemove((siloKey, datasetKey), out _);

    private async Task UploadAsync(SiloSlot slot, DatasetPayload payload, CancellationToken ct)
    {
        Hint(slot.Silo.Address);
        await client.GetGrain<IEvaluationGrain>(slot.GrainKey).LoadDataset(payload, ct);
        Interlocked.Increment(ref _uploadCount);
    }
}
