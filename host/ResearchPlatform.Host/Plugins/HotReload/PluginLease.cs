namespace ResearchPlatform.Host.Plugins.HotReload;

/// <summary>
/// A component of the current plugin version, held for one unit of work: the version cannot unload while the lease is
/// held, and results should record <see cref="Source"/>. Dispose when the work is done; do not keep the instance.
/// </summary>
public sealed class PluginLease : IDisposable
{
    private PluginGeneration? _generation;

    internal PluginLease(PluginGeneration generation, PluginComponent component)
    {
        _generation = generation;
        Component = component;
    }

    public PluginComponent Component { get; }

    /// <summary><c>pluginId@versionTag</c> of the version that does the work.</summary>
    public string Source => Component.Source;

    public void Dispose() => Interlocked.Exchange(ref _generation, null)?.Exit();
}
