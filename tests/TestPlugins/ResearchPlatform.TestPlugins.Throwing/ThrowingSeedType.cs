using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.TestPlugins.Throwing;

/// <summary>Test seed type whose constructor always throws, as a plugin with a broken configuration would.</summary>
public sealed class ThrowingSeedType : ISeedType
{
    public ThrowingSeedType() => throw new InvalidOperationException("test plugin: the constructor always fails");

    public string Id => "test_throwing";

    public string Description => "Never constructed";

    public IReadOnlyList<GeneSpec> Genes => [];

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => [];

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        throw new NotSupportedException();
}
