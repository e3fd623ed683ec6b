namespace ResearchPlatform.Host.Plugins.HotReload;

/// <summary>One plugin folder as <c>/api/plugins</c> shows it.</summary>
public sealed record HotPluginStatus(string Id, string Kind, string? Version, DateTimeOffset? LoadedAt, DateTimeOffset? LastReload, string Status, string? Error, string Folder, int InFlight);
