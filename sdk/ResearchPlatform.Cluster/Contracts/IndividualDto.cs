namespace ResearchPlatform.Cluster.Contracts;

/// <summary>One individual to evaluate: seed type, the plugin version that defines it, its genes (exact bits).</summary>
/// <param name="SeedTypeId">Seed type id, e.g. "momentum".</param>
/// <param name="PluginVersion">Version tag of the plugin the run uses; the silo refuses a different one.</param>
/// <param name="Genes">Gene values in the seed type's order.</param>
[GenerateSerializer, Immutable, Alias("rp.IndividualDto")]
internal sealed record IndividualDto(
    [property: Id(0)] string SeedTypeId,
    [property: Id(1)] string PluginVersion,
    [property: Id(2)] double[] Genes);
