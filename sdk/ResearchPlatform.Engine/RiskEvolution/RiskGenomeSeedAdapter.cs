using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.RiskEvolution;

/// <summary>
/// Presents a risk genome definition to the GA as a "seed type" (id <c>risk:&lt;id&gt;</c>) so the evolution engine's
/// operators (initialisation, crossover, mutation, bounds repair and the cross-gene validity check) work on risk genomes
/// unchanged. It only validates: a risk genome produces no signals, so <see cref="CreateGenerator"/> is not supported.
/// </summary>
internal sealed class RiskGenomeSeedAdapter(IRiskGenomeDefinition definition) : ISeedType
{
    /// <summary>The prefix of the adapter's id.</summary>
    public const string Prefix = "risk:";

    /// <summary>The wrapped definition.</summary>
    public IRiskGenomeDefinition Definition { get; } = definition ?? throw new ArgumentNullException(nameof(definition));

    /// <inheritdoc />
    public string Id => Prefix + Definition.Id;

    /// <inheritdoc />
    public string Description => Definition.Description;

    /// <inheritdoc />
    public IReadOnlyList<GeneSpec> Genes => Definition.Genes;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => Definition.Validate(genes);

    /// <inheritdoc />
    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        throw new NotSupportedException($"'{Id}' is a risk genome: it sizes and limits strategies, it produces no signals");
}
