namespace ResearchPlatform.Host.Plugins;

/// <summary>A folder searched for plugins and where it came from (for messages).</summary>
/// <param name="Path">Absolute folder path. Either a plugin folder itself (it holds a plugin.json) or a folder of plugin folders.</param>
/// <param name="Origin">Where the folder was configured: <c>build output</c>, <c>RP_PLUGINS_PATH</c>, <c>--plugins</c>, ...</param>
/// <param name="MustExist">False for the build output's <c>plugins/</c>: a missing default folder is simply empty.</param>
public sealed record PluginSearchRoot(string Path, string Origin, bool MustExist);
