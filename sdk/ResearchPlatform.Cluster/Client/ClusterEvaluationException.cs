namespace ResearchPlatform.Cluster.Client;

/// <summary>The cluster could not evaluate a batch and local fallback is off (or the cluster refused the work).</summary>
public sealed class ClusterEvaluationException : Exception
{
    public ClusterEvaluationException()
    {
    }

    public ClusterEvaluationException(string message)
        : base(message)
    {
    }

    public ClusterEvaluationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
