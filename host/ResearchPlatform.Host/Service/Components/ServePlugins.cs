using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Service.Components;

/// <summary>The service's plugin catalog (loaded when the strategy pool starts).</summary>
internal sealed class ServePlugins(string? pluginsFolder) : IDisposable
{
    public PluginCatalog? Catalog { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    public PluginCatalog Load(TimeProvider time)
    {
        Catalog ??= PluginCatalog.Load(PluginSearchPaths.Resolve(pluginsFolder));
        LoadedAt = time.GetUtcNow();
        return Catalog;
    }

    /// <summary>Seed types with the source (<c>plugin@version</c>) that provides each.</summary>
    public IReadOnlyList<(ISeedType Seed, string Source)> Seeds() =>
        Catalog is null ? [] : [.. Catalog.Components.Where(c => c.Kind == PluginContracts.Seed).OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => ((ISeedType)c.Instance, c.Source))];

    /// <summary>GET /api/plugins rows.</summary>
    public IReadOnlyList<object> Views() =>
        Catalog is null ? [] : [.. Catalog.Plugins.Select(p => new
        {
            p.Id,
            Kind = string.Join(",", p.Manifest?.Provides.Select(k => k.Split(':')[0]).Distinct(StringComparer.Ordinal) ?? []),
            Version = p.VersionTag ?? p.Manifest?.Version,
            LoadedAt,
            LastReload = (DateTimeOffset?)null,
            Status = p.Status.ToString().ToLowerInvariant(),
            p.Error,
            p.Folder,
        })];

    public void Dispose() => Catalog?.Dispose();
}
