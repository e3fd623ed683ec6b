using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Seeds;

/// <summary>
/// The seed types the host can use, by id. Kept tiny so the plugin catalog (plugin loading with hot reload) can
/// replace <see cref="PluginSeedCatalog"/> behind it without touching the backtest commands.
/// </summary>
public interface ISeedCatalog
{
    /// <summary>Every loaded seed type, ordered by id.</summary>
    IReadOnlyList<ISeedType> SeedTypes { get; }

    /// <summary>Finds a seed type by id (case-insensitive).</summary>
    bool TryGetSeedType(string id, out ISeedType seed);

    /// <summary>A version tag of the plugin that provides <paramref name="seed"/> (e.g. "Seeds@1.0.0"), recorded with results.</summary>
    string VersionOf(ISeedType seed);
}
