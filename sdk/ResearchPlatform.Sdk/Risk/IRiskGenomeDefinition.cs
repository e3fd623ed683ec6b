using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Sdk.Risk;

/// <summary>
/// A risk genome definition: the evolvable genes of the risk manager and position sizer, with their bounds and defaults.
/// Implementations live in plugins (provides entry <c>risk:&lt;id&gt;</c>), are stateless and thread-safe. Every gene
/// named in <see cref="RiskGenes.All"/> must be present so a <see cref="RiskGenome"/> can be built from any vector.
/// </summary>
public interface IRiskGenomeDefinition
{
    /// <summary>Stable id, e.g. "default", "conservative".</summary>
    string Id { get; }

    /// <summary>One-line description.</summary>
    string Description { get; }

    /// <summary>The genes, in the order of a gene vector; <see cref="GeneSpec.Default"/> is this definition's preset.</summary>
    IReadOnlyList<GeneSpec> Genes { get; }

    /// <summary>Checks one gene vector beyond per-gene bounds (e.g. daily limit below total limit). Empty when valid.</summary>
    IReadOnlyList<string> Validate(ReadOnlySpan<double> genes);
}
