namespace ResearchPlatform.Cluster.Tests.TestSupport;

/// <summary>Tests sharing the in-process cluster (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
