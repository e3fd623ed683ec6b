namespace ResearchPlatform.Host.Plugins.HotReload;

/// <summary>The outcome of one reload of a plugin folder.</summary>
/// <param name="PluginId">Manifest id (the folder name when the manifest is unreadable).</param>
/// <param name="Folder">The plugin folder.</param>
/// <param name="Outcome"><c>swapped</c> (new version live), <c>unchanged</c> (same version tag) or <c>failed</c> (old kept).</param>
/// <param name="OldVersion">Version tag live before.</param>
/// <param name="NewVersion">Version tag live after (the old one when the reload failed).</param>
/// <param name="Error">Why a reload failed.</param>
/// <param name="At">When.</param>
public sealed record PluginReloadEvent(string PluginId, string Folder, string Outcome, string? OldVersion, string? NewVersion, string? Error, DateTimeOffset At);
