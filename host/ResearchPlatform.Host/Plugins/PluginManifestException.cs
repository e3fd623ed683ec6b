namespace ResearchPlatform.Host.Plugins;

/// <summary>A <c>plugin.json</c> that is missing, unreadable or invalid; the message names the file and every bad field.</summary>
public sealed class PluginManifestException : Exception
{
    public PluginManifestException(string filePath, IReadOnlyList<string> problems)
        : base($"{filePath}: {string.Join("; ", problems)}")
    {
        FilePath = filePath;
        Problems = problems;
    }

    public PluginManifestException()
    {
        FilePath = string.Empty;
        Problems = [];
    }

    public PluginManifestException(string message)
        : base(message)
    {
        FilePath = string.Empty;
        Problems = [message];
    }

    public PluginManifestException(string message, Exception inner)
        : base(message, inner)
    {
        FilePath = string.Empty;
        Problems = [message];
    }

    /// <summary>The manifest file.</summary>
    public string FilePath { get; }

    /// <summary>Each problem, naming its field (e.g. <c>field 'sdkVersion': missing</c>).</summary>
    public IReadOnlyList<string> Problems { get; }
}
