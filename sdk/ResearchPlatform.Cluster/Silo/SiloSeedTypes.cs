using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Cluster.Silo;

/// <summary>The seed types a silo can evaluate, with their plugin version tags (the host loads them from its plugins).</summary>
internal sealed class SiloSeedTypes
{
    public SiloSeedTypes(IReadOnlyList<(ISeedType Seed, string Version)> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        Seeds = seeds;
        ById = seeds.ToDictionary(s => s.Seed.Id, StringComparer.Ordinal);
    }

    /// <summary>Every seed type with its version.</summary>
    public IReadOnlyList<(ISeedType Seed, string Version)> Seeds { get; }

    /// <summary>Seed types by id.</summary>
    public IReadOnlyDictionary<string, (ISeedType Seed, string Version)> ById { get; }
}
