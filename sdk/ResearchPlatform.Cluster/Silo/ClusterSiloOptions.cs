namespace ResearchPlatform.Cluster.Silo;

/// <summary>Settings of a worker silo's evaluation service.</summary>
internal sealed record ClusterSiloOptions
{
    /// <summary>Dedicated evaluation threads (default: every core).</summary>
    public int EvaluationThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Datasets the silo keeps (least recently used evicted).</summary>
    public int DatasetCacheCapacity { get; init; } = 8;
}
