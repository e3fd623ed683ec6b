namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>A seed type a run evolves, with the plugin version that provided it.</summary>
/// <param name="Id">Seed type id.</param>
/// <param name="PluginVersion">Version tag of the providing plugin.</param>
internal sealed record SeedTypeRef(string Id, string PluginVersion);
