using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Host.Plugins.HotReload;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Service.Components;

/// <summary>
/// The service's plugins: a <see cref="HotPluginCatalog"/> watching the plugin folders (loaded when the strategy pool
/// starts). Strategies take their seed type when the pool starts; later reloads serve new work and show in /api/plugins.
/// </summary>
internal sealed class ServePlugins(string? pluginsFolder, IAlertPublisher alerts) : IDisposable
{
    private readonly List<PluginLease> _poolLeases = [];

    public HotPluginCatalog? Catalog { get; private set; }

    public HotPluginCatalog Load(TimeProvider time)
    {
        if (Catalog is null)
        {
            Catalog = HotPluginCatalog.Load(PluginSearchPaths.Resolve(pluginsFolder), alerts, time);
            Catalog.StartWatching();
        }

        return Catalog;
    }

    /// <summary>
    /// Seed types with the source (<c>plugin@version</c>) that provides each, leased for the life of the strategy pool
    /// (the versions the running strategies use stay loaded until the service stops).
    /// </summary>
    public IReadOnlyList<(ISeedType Seed, string Source)> Seeds()
    {
        if (Catalog is null)
        {
            return [];
        }

        var result = new List<(ISeedType, string)>();
        foreach (var id in Catalog.ComponentIds(PluginContracts.Seed))
        {
            if (Catalog.Acquire(PluginContracts.Seed, id) is { } lease)
            {
                _poolLeases.Add(lease);
                result.Add(((ISeedType)lease.Component.Instance, lease.Source));
            }
        }

        return result;
    }

    /// <summary>GET /api/plugins rows.</summary>
    public IReadOnlyList<HotPluginStatus> Views() => Catalog?.Status() ?? [];

    public void Dispose()
    {
        foreach (var l in _poolLeases)
        {
            l.Dispose();
        }

        Catalog?.Dispose();
    }
}
