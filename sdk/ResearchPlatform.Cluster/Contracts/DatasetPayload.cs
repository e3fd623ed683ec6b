namespace ResearchPlatform.Cluster.Contracts;

/// <summary>A dataset on its way to a silo: its descriptor and the bars as Arrow IPC stream bytes.</summary>
/// <param name="Descriptor">Key and content hash.</param>
/// <param name="ArrowIpc">The bars (one record batch: open_time_ms, open, high, low, close, volume; symbol and interval in the schema metadata).</param>
[GenerateSerializer, Immutable, Alias("rp.DatasetPayload")]
internal sealed record DatasetPayload(
    [property: Id(0)] DatasetDescriptor Descriptor,
    [property: Id(1)] byte[] ArrowIpc);
