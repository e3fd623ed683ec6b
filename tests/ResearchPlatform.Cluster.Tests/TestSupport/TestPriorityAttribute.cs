namespace ResearchPlatform.Cluster.Tests.TestSupport;

/// <summary>Orders the tests of a class that share a cluster (lower first; tests that kill silos go last).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TestPriorityAttribute(int priority) : Attribute
{
    public int Priority { get; } = priority;
}
