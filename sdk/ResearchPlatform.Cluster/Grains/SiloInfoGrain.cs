using Orleans.Placement;
using ResearchPlatform.Cluster.Contracts;
using ResearchPlatform.Cluster.Silo;

namespace ResearchPlatform.Cluster.Grains;

/// <summary>Reads the evaluation counters of its silo.</summary>
[RandomPlacement]
internal sealed class SiloInfoGrain(SiloEvaluationService service) : Grain, ISiloInfoGrain
{
    /// <inheritdoc />
    public Task<SiloWorkerStatus> GetStatus() => Task.FromResult(service.Status());
}
