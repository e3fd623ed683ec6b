using System.Diagnostics.CodeAnalysis;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// The plugins found and loaded from the search folders: every folder with its status (failed ones with the reason),
/// and lookups of what the loaded ones provide. A catalog is an immutable snapshot, safe to share between threads.
/// Disposing it unloads every plugin's collectible load context; instances still referenced elsewhere keep theirs alive.
/// <code>
/// using var catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(pluginsOption));
/// foreach (var problem in catalog.Problems) output.Warn(problem);
/// if (!catalog.TryGetSeedType("momentum", out var seed)) throw new BadInputException("unknown seed type 'momentum'");
/// </code>
/// </summary>
public sealed class PluginCatalog : IDisposable
{
    private readonly Dictionary<string, PluginComponent> _byKey;

    private PluginCatalog(IReadOnlyList<PluginSearchRoot> roots, IReadOnlyList<PluginEntry> plugins)
    {
        SearchRoots = roots;
        Plugins = plugins;
        Components = [.. plugins.SelectMany(p => p.Components)];
        _byKey = Components.ToDictionary(c => c.Key, StringComparer.OrdinalIgnoreCase);
        SeedTypes = GetAll<ISeedType>(PluginContracts.Seed);
    }

    /// <summary>The folders that were searched, in order.</summary>
    public IReadOnlyList<PluginSearchRoot> SearchRoots { get; }

    /// <summary>Every plugin folder found, in load order, loaded or not.</summary>
    public IReadOnlyList<PluginEntry> Plugins { get; }

    /// <summary>Everything the loaded plugins provide, in load order.</summary>
    public IReadOnlyList<PluginComponent> Components { get; }

    /// <summary>The seed types of the loaded plugins, in load order.</summary>
    public IReadOnlyList<ISeedType> SeedTypes { get; }

    /// <summary>One line per failed plugin and per warning, each naming the folder: ready to print on stderr.</summary>
    public IEnumerable<string> Problems =>
        Plugins.SelectMany(p => p.Status == PluginStatus.Failed
            ? [$"plugin '{p.Id}' ({p.Folder}) not loaded: {p.Error}"]
            : p.Warnings.Select(w => $"plugin '{p.Id}' ({p.Folder}): {w}"));

    /// <summary>Loads the plugins of <paramref name="paths"/> with the host's known contracts.</summary>
    public static PluginCatalog Load(PluginSearchPaths paths) => Load(paths, PluginContracts.All);

    /// <summary>Loads the plugins of <paramref name="paths"/>, looking for implementations of <paramref name="contracts"/>.</summary>
    public static PluginCatalog Load(PluginSearchPaths paths, IReadOnlyList<PluginContract> contracts)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(contracts);
        var loader = new PluginFolderLoader(contracts);
        var entries = new List<PluginEntry>();
        foreach (var candidate in PluginDiscovery.Find(paths))
        {
            entries.Add(LoadOne(candidate, loader, contracts, entries));
        }

        return new PluginCatalog(paths.Roots, entries);
    }

    /// <summary>Loads one plugin folder on its own (hot reload): a new collectible load context, never throws.</summary>
    internal static PluginEntry LoadFolder(string folder, string origin, IReadOnlyList<PluginContract> contracts) =>
        LoadOne(new PluginCandidate(folder, origin), new PluginFolderLoader(contracts), contracts, []);

    /// <summary>Finds a seed type by id (case-insensitive).</summary>
    public bool TryGetSeedType(string id, [NotNullWhen(true)] out ISeedType? seedType)
    {
        seedType = TryGetComponent(PluginContracts.Seed, id, out var component) ? (ISeedType)component.Instance : null;
        return seedType is not null;
    }

    /// <summary>Finds a component by kind and id (case-insensitive), with the plugin and version tag that provide it.</summary>
    public bool TryGetComponent(string kind, string id, [NotNullWhen(true)] out PluginComponent? component) =>
        _byKey.TryGetValue($"{kind}:{id}", out component);

    /// <summary>The instances of one contract kind, in load order.</summary>
    public IReadOnlyList<T> GetAll<T>(string kind)
        where T : class =>
        [.. Components.Where(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase)).Select(c => (T)c.Instance)];

    /// <summary>Unloads every plugin's load context.</summary>
    public void Dispose()
    {
        foreach (var plugin in Plugins)
        {
            plugin.Unload();
        }
    }

    private static PluginEntry LoadOne(PluginCandidate candidate, PluginFolderLoader loader, IReadOnlyList<PluginContract> contracts, List<PluginEntry> earlier)
    {
        if (candidate.Problem is not null)
        {
            return PluginEntry.Failed(candidate.Folder, candidate.Origin, null, candidate.Problem);
        }

        PluginManifest manifest;
        try
        {
            manifest = PluginManifestReader.Read(Path.Combine(candidate.Folder, PluginManifest.FileName), contracts);
        }
        catch (PluginManifestException ex)
        {
            return PluginEntry.Failed(candidate.Folder, candidate.Origin, null, "invalid plugin.json: " + string.Join("; ", ex.Problems));
        }

        var sameId = earlier.Find(e => e.IsLoaded && string.Equals(e.Id, manifest.Id, StringComparison.OrdinalIgnoreCase));
        if (sameId is not null)
        {
            return PluginEntry.Failed(candidate.Folder, candidate.Origin, manifest, $"duplicate plugin id '{manifest.Id}': already loaded from {sameId.Folder}");
        }

        var entry = loader.Load(candidate.Folder, candidate.Origin, manifest);
        foreach (var component in entry.Components)
        {
            var owner = earlier.Find(e => e.Components.Any(c => string.Equals(c.Key, component.Key, StringComparison.OrdinalIgnoreCase)));
            if (owner is not null)
            {
                return entry.Fail($"duplicate {component.Kind} id '{component.Id}': already provided by plugin '{owner.Id}' ({owner.Folder})");
            }
        }

        return entry;
    }
}
