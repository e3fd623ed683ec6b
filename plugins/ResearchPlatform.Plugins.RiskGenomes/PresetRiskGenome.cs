using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.RiskGenomes;

/// <summary>Base of the presets: the shared gene table with preset-specific defaults.</summary>
public abstract class PresetRiskGenome : IRiskGenomeDefinition
{
    private readonly IReadOnlyList<GeneSpec> _genes;

    protected PresetRiskGenome(IReadOnlyDictionary<string, double> defaults) => _genes = RiskGeneTable.Build(defaults);

    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public IReadOnlyList<GeneSpec> Genes => _genes;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => RiskGeneTable.Validate(_genes, genes);
}
