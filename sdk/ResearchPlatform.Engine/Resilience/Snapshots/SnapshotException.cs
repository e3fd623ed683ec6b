namespace ResearchPlatform.Engine.Resilience.Snapshots;

/// <summary>A snapshot file that cannot be read (corrupt JSON, unknown version); the message names the file.</summary>
internal sealed class SnapshotException : Exception
{
    public SnapshotException()
    {
    }

    public SnapshotException(string message)
        : base(message)
    {
    }

    public SnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
