using ResearchPlatform.Cluster.Contracts;

namespace ResearchPlatform.Cluster.Grains;

/// <summary>
/// An evaluation slot on one silo (key "siloAddress#slot", placed there with a placement hint): evaluates batches
/// with the same code path as local evaluation (BacktestProblem's kernel evaluator) on the silo's cached dataset.
/// </summary>
[Alias("rp.IEvaluationGrain")]
internal interface IEvaluationGrain : IGrainWithStringKey
{
    /// <summary>Evaluates a batch, or answers NeedsDataset when the silo does not hold the dataset yet.</summary>
    [Alias("Evaluate")]
    Task<EvaluationBatchResponse> Evaluate(EvaluationBatchRequest request, CancellationToken ct = default);

    /// <summary>Stores a dataset in the silo's cache (checked against its hashes); returns the silo address.</summary>
    [Alias("LoadDataset")]
    Task<string> LoadDataset(DatasetPayload payload, CancellationToken ct = default);
}
