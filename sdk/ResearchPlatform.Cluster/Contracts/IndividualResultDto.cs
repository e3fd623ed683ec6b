namespace ResearchPlatform.Cluster.Contracts;

/// <summary>The evaluation of one individual: status (0 ok, 1 failed, 2 timed out), per-window metrics, error.</summary>
[GenerateSerializer, Immutable, Alias("rp.IndividualResultDto")]
internal sealed record IndividualResultDto(
    [property: Id(0)] int Status,
    [property: Id(1)] WindowMetricsDto[] Windows,
    [property: Id(2)] string? Error);
