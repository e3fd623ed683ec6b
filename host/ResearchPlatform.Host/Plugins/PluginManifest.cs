namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// The <c>plugin.json</c> manifest of a plugin folder, validated by <see cref="PluginManifestReader"/>.
/// </summary>
/// <param name="Id">Unique plugin id: letters, digits, '.', '_' or '-', starting with a letter or digit.</param>
/// <param name="Version">Plugin version, <c>major.minor.patch</c> with an optional <c>-prerelease</c> suffix.</param>
/// <param name="SdkVersion">The Sdk version the plugin was built against, <c>major.minor</c> (see <c>SdkInfo</c>).</param>
/// <param name="Assembly">File name of the plugin's main DLL inside its folder.</param>
/// <param name="Description">One-line description (may be empty).</param>
/// <param name="Provides">What the plugin provides, each <c>kind:id</c>, e.g. <c>seed:momentum</c>.</param>
public sealed record PluginManifest(
    string Id,
    string Version,
    string SdkVersion,
    string Assembly,
    string Description,
    IReadOnlyList<string> Provides)
{
    /// <summary>The manifest's file name inside a plugin folder.</summary>
    public const string FileName = "plugin.json";
}
