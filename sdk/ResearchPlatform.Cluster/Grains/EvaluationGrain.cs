using Orleans.Placement;
using ResearchPlatform.Cluster.Contracts;
using ResearchPlatform.Cluster.Silo;

namespace ResearchPlatform.Cluster.Grains;

/// <summary>
/// Normal (not stateless-worker) grain with random placement, so the client's placement hint puts each slot on the
/// silo it names and work spreads over every silo rather than landing on the gateway. The CPU work runs on the silo's
/// dedicated evaluation threads, never on the Orleans scheduler.
/// </summary>
[RandomPlacement]
internal sealed class EvaluationGrain(SiloEvaluationService service) : Grain, IEvaluationGrain
{
    /// <inheritdoc />
    public Task<EvaluationBatchResponse> Evaluate(EvaluationBatchRequest request, CancellationToken ct = default) =>
        service.EvaluateAsync(request, ct);

    /// <inheritdoc />
    public Task<string> LoadDataset(DatasetPayload payload, CancellationToken ct = default) =>
        Task.FromResult(service.LoadDataset(payload));
}
