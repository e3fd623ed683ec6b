namespace ResearchPlatform.Host.Plugins;

/// <summary>A folder that should hold a plugin, or a configured folder that cannot be searched (<see cref="Problem"/>).</summary>
internal sealed record PluginCandidate(string Folder, string Origin, string? Problem = null);
