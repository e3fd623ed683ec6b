using ResearchPlatform.Cluster.Contracts;

namespace ResearchPlatform.Cluster.Grains;

/// <summary>Reports the counters of the silo it lives on (key = silo address, placed there with a placement hint).</summary>
[Alias("rp.ISiloInfoGrain")]
internal interface ISiloInfoGrain : IGrainWithStringKey
{
    /// <summary>The silo's worker counters.</summary>
    [Alias("GetStatus")]
    Task<SiloWorkerStatus> GetStatus();
}
