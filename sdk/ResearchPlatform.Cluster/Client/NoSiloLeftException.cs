namespace ResearchPlatform.Cluster.Client;

/// <summary>Every silo of the cluster failed or none is active.</summary>
internal sealed class NoSiloLeftException : Exception
{
    public NoSiloLeftException()
        : this("no silo of the cluster is left")
    {
    }

    public NoSiloLeftException(string message)
        : base(message)
    {
    }

    public NoSiloLeftException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
