using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.TestPlugins.Good;

/// <summary>Test seed type with one gene: holds the target position given by the gene <c>level</c> on every bar.</summary>
public sealed class LevelSeedType : ISeedType
{
    public string Id => "test_level";

    public string Description => "Constant target position given by the gene";

    public IReadOnlyList<GeneSpec> Genes { get; } =
        [new GeneSpec("level", GeneKind.Real, -1, 1, 0.5, "Target position held on every bar")];

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) =>
        genes.Length == 1 && Math.Abs(genes[0]) <= 1 ? [] : ["level must be one value in [-1, 1]"];

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount)
    {
        if (geneMatrix.Length != strategyCount)
        {
            throw new ArgumentException($"expected {strategyCount} genes, got {geneMatrix.Length}", nameof(geneMatrix));
        }

        return new ConstantSignalGenerator(geneMatrix.ToArray());
    }
}
