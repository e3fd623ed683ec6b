using ResearchPlatform.Cluster.Contracts;

namespace ResearchPlatform.Cluster.Client;

/// <summary>Reads every silo of the membership and the evaluation counters of the active ones.</summary>
internal static class ClusterStatusReader
{
    /// <summary>Silos ordered by status (active first) then address; dead silos are listed without counters.</summary>
    public static async Task<IReadOnlyList<SiloStatusRow>> ReadAsync(IClusterClient client, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false, ct);
        var topology = new ClusterTopology(client, timeout);
        var rows = new List<SiloStatusRow>();
        foreach (var (address, status) in hosts.OrderBy(h => h.Value != SiloStatus.Active).ThenBy(h => h.Key.ToParsableString(), StringComparer.Ordinal))
        {
            SiloWorkerStatus? worker = null;
            string? error = null;
            if (status == SiloStatus.Active)
            {
                try
                {
                    worker = await topology.StatusAsync(address, ct);
                }
                catch (Exception ex) when (ClusterErrors.IsTransient(ex, ct))
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                }
            }

            rows.Add(new SiloStatusRow(address.ToParsableString(), status.ToString(), worker, error));
        }

        return rows;
    }
}
