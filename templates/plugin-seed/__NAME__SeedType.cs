using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace __NAME__;

/// <summary>
/// Seed type '__ID__': long when the close is above its simple moving average of <c>period</c> bars, flat otherwise.
/// Instantiated once per load and shared between threads: keep it stateless.
/// </summary>
public sealed class __NAME__SeedType : ISeedType
{
    public string Id => "__ID__";

    public string Description => "Long above the SMA(period), flat below";

    public IReadOnlyList<GeneSpec> Genes { get; } =
        [new GeneSpec("period", GeneKind.Integer, 5, 200, 50, "SMA length in bars")];

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) =>
        genes.Length == 1 && genes[0] >= 2 ? [] : ["period must be one value >= 2"];

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (geneMatrix.Length != strategyCount)
        {
            throw new ArgumentException($"expected {strategyCount} genes, got {geneMatrix.Length}", nameof(geneMatrix));
        }

        return new __NAME__SignalGenerator(bars.Close.ToArray(), [.. geneMatrix.ToArray().Select(g => (int)g)]);
    }
}
