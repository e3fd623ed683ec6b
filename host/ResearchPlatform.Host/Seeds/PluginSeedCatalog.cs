using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Seeds;

/// <summary>
/// The seed types of the host's plugin catalog (<see cref="PluginCatalog"/>: manifest validation, collectible load
/// contexts, version tags). Searches the build output's <c>plugins/</c>, <c>RP_PLUGINS_PATH</c> and, when given,
/// the given plugins folder (the <c>--plugins</c> option). Plugins that fail to load are listed in
/// <see cref="Errors"/>; the others stay usable.
/// </summary>
public sealed class PluginSeedCatalog : ISeedCatalog, IDisposable
{
    private readonly PluginCatalog _catalog;

    public PluginSeedCatalog(string? pluginsFolder = null)
    {
        _catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(pluginsFolder));
    }

    /// <summary>Plugins that could not be loaded, each naming its folder and reason.</summary>
    public IReadOnlyList<string> Errors => _catalog.Problems.ToList();

    public IReadOnlyList<ISeedType> SeedTypes => _catalog.SeedTypes.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public bool TryGetSeedType(string id, out ISeedType seed)
    {
        if (_catalog.TryGetSeedType(id ?? string.Empty, out var found))
        {
            seed = found;
            return true;
        }

        seed = null!;
        return false;
    }

    /// <summary>The providing plugin and its content version tag, e.g. <c>Seeds@1.0.0+bcbb356f6f45</c>.</summary>
    public string VersionOf(ISeedType seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return _catalog.TryGetComponent(PluginContracts.Seed, seed.Id, out var component) ? component.Source : "unknown";
    }

    public void Dispose() => _catalog.Dispose();
}
