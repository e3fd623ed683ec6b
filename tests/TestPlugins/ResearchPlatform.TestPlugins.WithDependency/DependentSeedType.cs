using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;
using ResearchPlatform.TestPlugins.Dependency;

namespace ResearchPlatform.TestPlugins.WithDependency;

/// <summary>Test seed type that needs <c>ResearchPlatform.TestPlugins.Dependency.dll</c> to be constructed.</summary>
public sealed class DependentSeedType : ISeedType
{
    private readonly ConstantSignal _signal = new(0.25);

    public string Id => "test_dependent";

    public string Description => "Constant target taken from a dependency";

    public IReadOnlyList<GeneSpec> Genes => [];

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => [];

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        new DependentSignalGenerator(_signal.Level, strategyCount);
}
