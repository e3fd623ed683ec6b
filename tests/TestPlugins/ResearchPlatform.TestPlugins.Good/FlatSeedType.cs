using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.TestPlugins.Good;

/// <summary>Test seed type without genes: always flat (target 0).</summary>
public sealed class FlatSeedType : ISeedType
{
    public string Id => "test_flat";

    public string Description => "Always flat";

    public IReadOnlyList<GeneSpec> Genes { get; } = [];

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => [];

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        new ConstantSignalGenerator(new double[strategyCount]);
}
