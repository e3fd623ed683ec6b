namespace ResearchPlatform.Host.Plugins;

/// <summary>A plugin could not be loaded; the message is the reason shown to the user (the folder is added by the catalog).</summary>
internal sealed class PluginLoadException : Exception
{
    public PluginLoadException(string message)
        : base(message)
    {
    }

    public PluginLoadException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PluginLoadException()
    {
    }
}
