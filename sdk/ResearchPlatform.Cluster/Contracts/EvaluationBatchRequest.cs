namespace ResearchPlatform.Cluster.Contracts;

/// <summary>A batch of individuals to evaluate on one dataset, cost model and window layout.</summary>
/// <param name="BatchId">For logs: "generation plan key hash / batch index / attempt".</param>
/// <param name="Dataset">The dataset (the silo answers <see cref="EvaluationBatchResponse.NeedsDataset"/> when it lacks it).</param>
/// <param name="BacktestOptionsJson">The backtest options (costs, fills, sizing) as the run stores them.</param>
/// <param name="CostModelKey">Their key; the silo checks that the options it decoded give the same key.</param>
/// <param name="Windows">Windows of the plan, results come back aligned with them.</param>
/// <param name="Individuals">The individuals; results come back in this order.</param>
[GenerateSerializer, Immutable, Alias("rp.EvaluationBatchRequest")]
internal sealed record EvaluationBatchRequest(
    [property: Id(0)] string BatchId,
    [property: Id(1)] DatasetDescriptor Dataset,
    [property: Id(2)] string BacktestOptionsJson,
    [property: Id(3)] string CostModelKey,
    [property: Id(4)] WindowDto[] Windows,
    [property: Id(5)] IndividualDto[] Individuals);
