namespace ResearchPlatform.Cluster.Contracts;

/// <summary>Names a dataset by content: the silo caches it under <see cref="Key"/> and checks both hashes on arrival.</summary>
/// <param name="Key">The dataset key (<c>DatasetKeys.Of</c>: symbol, interval, count, range, sha256 of the bars).</param>
/// <param name="PayloadSha256">Hex SHA-256 of the Arrow IPC bytes that carry the bars.</param>
/// <param name="PayloadBytes">Size of those bytes.</param>
[GenerateSerializer, Immutable, Alias("rp.DatasetDescriptor")]
internal sealed record DatasetDescriptor(
    [property: Id(0)] string Key,
    [property: Id(1)] string PayloadSha256,
    [property: Id(2)] int PayloadBytes);
