namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// One instance a plugin provides (e.g. an <c>ISeedType</c>), with the plugin and version that produced it.
/// Results computed with the component should record <see cref="Source"/> so they can be traced to the exact build.
/// </summary>
/// <param name="Kind">Contract kind, e.g. <c>seed</c>.</param>
/// <param name="Id">The component's id within its kind, e.g. <c>momentum</c>.</param>
/// <param name="Instance">The instance (its type unifies with the host's Sdk contract type).</param>
/// <param name="PluginId">Id of the plugin that provides it.</param>
/// <param name="VersionTag">The plugin's version tag (manifest version + content hash), see <see cref="PluginVersionTag"/>.</param>
public sealed record PluginComponent(string Kind, string Id, object Instance, string PluginId, string VersionTag)
{
    /// <summary><c>kind:id</c>, as in a manifest's <c>provides</c>.</summary>
    public string Key => $"{Kind}:{Id}";

    /// <summary><c>pluginId@versionTag</c>, e.g. <c>Seeds@1.0.0+3fa2b9c01d2e</c>: what results should carry.</summary>
    public string Source => $"{PluginId}@{VersionTag}";
}
