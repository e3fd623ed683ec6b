namespace ResearchPlatform.Cluster.Client;

/// <summary>A silo answered a batch with an error retrying on it cannot fix (e.g. other plugin versions).</summary>
internal sealed class SiloRefusedException : Exception
{
    public SiloRefusedException()
    {
    }

    public SiloRefusedException(string message)
        : base(message)
    {
    }

    public SiloRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
