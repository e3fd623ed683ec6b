namespace ResearchPlatform.Cluster.Hosting;

/// <summary>How silos find each other.</summary>
internal enum ClusterKind
{
    /// <summary>Development clustering on one machine: the primary silo holds the membership, clients use static gateway ports.</summary>
    Localhost,

    /// <summary>Membership in a Redis server (Microsoft.Orleans.Clustering.Redis): several machines.</summary>
    Redis,
}
