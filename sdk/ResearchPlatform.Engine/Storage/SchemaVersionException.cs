namespace ResearchPlatform.Engine.Storage;

/// <summary>
/// The workspace database was written by a newer build (its schema version is higher than this build knows).
/// Opening it is refused so that an old build never misreads or damages newer data.
/// </summary>
public sealed class SchemaVersionException : Exception
{
    public SchemaVersionException(string databasePath, int databaseVersion, int supportedVersion)
        : base($"{databasePath} has schema version {databaseVersion}, but this build supports schema versions up to {supportedVersion}; " +
               "use a newer build of ResearchPlatform (or another workspace)")
    {
        DatabasePath = databasePath;
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    public SchemaVersionException()
    {
        DatabasePath = string.Empty;
    }

    public SchemaVersionException(string message)
        : base(message)
    {
        DatabasePath = string.Empty;
    }

    public SchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
        DatabasePath = string.Empty;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The schema version recorded in the file.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The highest schema version this build knows.</summary>
    public int SupportedVersion { get; }
}
