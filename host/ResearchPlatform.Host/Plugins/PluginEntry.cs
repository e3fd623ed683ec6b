using System.Runtime.CompilerServices;
using McMaster.NETCore.Plugins;

namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// One discovered plugin folder: its manifest (when readable), status, error or warnings, version tag and the
/// components it provides. A loaded entry owns a collectible load context that the catalog unloads on dispose; hot
/// reload will replace one entry with a freshly loaded one and unload the old context once in-flight work has drained.
/// </summary>
public sealed class PluginEntry
{
    private PluginLoader? _loader;

    private PluginEntry(
        string folder,
        string origin,
        PluginManifest? manifest,
        PluginStatus status,
        string? error,
        IReadOnlyList<string> warnings,
        string? versionTag,
        IReadOnlyList<PluginComponent> components,
        PluginLoader? loader)
    {
        Folder = folder;
        Origin = origin;
        Manifest = manifest;
        Status = status;
        Error = error;
        Warnings = warnings;
        VersionTag = versionTag;
        Components = components;
        _loader = loader;
    }

    /// <summary>Absolute path of the plugin folder.</summary>
    public string Folder { get; }

    /// <summary>Where the folder was found (see <see cref="PluginSearchRoot.Origin"/>).</summary>
    public string Origin { get; }

    /// <summary>The manifest id, or the folder name when the manifest could not be read.</summary>
    public string Id => Manifest?.Id ?? Path.GetFileName(Folder);

    /// <summary>The validated manifest; null when it is missing or invalid.</summary>
    public PluginManifest? Manifest { get; }

    /// <summary>Loaded, loaded with warnings, or failed.</summary>
    public PluginStatus Status { get; }

    /// <summary>Why the plugin failed; null unless <see cref="Status"/> is <see cref="PluginStatus.Failed"/>.</summary>
    public string? Error { get; }

    /// <summary>Non-fatal problems (the plugin still loaded).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Manifest version + content hash (see <see cref="PluginVersionTag"/>); null when not computed.</summary>
    public string? VersionTag { get; }

    /// <summary>What the plugin provides; empty unless loaded.</summary>
    public IReadOnlyList<PluginComponent> Components { get; }

    /// <summary>True when the plugin's components are available.</summary>
    public bool IsLoaded => Status != PluginStatus.Failed;

    internal static PluginEntry Loaded(
        string folder,
        string origin,
        PluginManifest manifest,
        string versionTag,
        IReadOnlyList<PluginComponent> components,
        IReadOnlyList<string> warnings,
        PluginLoader loader) =>
        new(folder, origin, manifest, warnings.Count > 0 ? PluginStatus.LoadedWithWarnings : PluginStatus.Loaded, null, warnings, versionTag, components, loader);

    internal static PluginEntry Failed(string folder, string origin, PluginManifest? manifest, string error, string? versionTag = null) =>
        new(folder, origin, manifest, PluginStatus.Failed, error, [], versionTag, [], null);

    /// <summary>Turns a loaded entry into a failed one (e.g. a duplicate id), unloading its load context.</summary>
    internal PluginEntry Fail(string error)
    {
        Unload();
        return Failed(Folder, Origin, Manifest, error, VersionTag);
    }

    /// <summary>Unloads the plugin's collectible load context (the memory is freed once no instance is referenced).</summary>
    internal void Unload()
    {
        var loader = Interlocked.Exchange(ref _loader, null);
        loader?.Dispose();
    }

    /// <summary>A weak reference to the load context, to check that unloading really frees it (tests, hot reload).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal WeakReference? LoadContextReference() => _loader is { } l ? new WeakReference(l.LoadContext) : null;
}
