namespace ResearchPlatform.Cluster.Contracts;

/// <summary>What a silo answers for a batch.</summary>
/// <param name="NeedsDataset">The silo does not hold the dataset: send it once, then ask again.</param>
/// <param name="Silo">Address of the silo that evaluated the batch.</param>
/// <param name="Cores">Evaluation threads of that silo.</param>
/// <param name="Results">One result per individual, in request order (empty when <see cref="NeedsDataset"/> or <see cref="Error"/>).</param>
/// <param name="BusySeconds">Seconds the silo's evaluation thread spent on the batch.</param>
/// <param name="Error">A batch-level problem that retrying elsewhere cannot fix (e.g. a plugin version mismatch).</param>
[GenerateSerializer, Immutable, Alias("rp.EvaluationBatchResponse")]
internal sealed record EvaluationBatchResponse(
    [property: Id(0)] bool NeedsDataset,
    [property: Id(1)] string Silo,
    [property: Id(2)] int Cores,
    [property: Id(3)] IndividualResultDto[] Results,
    [property: Id(4)] double BusySeconds,
    [property: Id(5)] string? Error);
