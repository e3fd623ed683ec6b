using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Sdk.Seeds;

/// <summary>
/// A strategy family. Given a <see cref="BarSeries"/> and gene values it produces a target position per bar in [-1, 1]
/// (sign = direction, magnitude = fraction of equity), decided at that bar's close using only data up to that close.
/// Implementations live in plugins and must be stateless and thread-safe; per-run state lives in the generator.
/// </summary>
public interface ISeedType
{
    /// <summary>Stable id, e.g. "momentum".</summary>
    string Id { get; }

    /// <summary>One-line description.</summary>
    string Description { get; }

    /// <summary>The genes, in the order of a gene vector.</summary>
    IReadOnlyList<GeneSpec> Genes { get; }

    /// <summary>
    /// Checks one gene vector beyond per-gene kind checks (e.g. fast &lt; slow). Returns the problems, empty when
    /// valid. Callers run <see cref="GeneValidation.Check"/> first (finite, integer, categorical index).
    /// </summary>
    IReadOnlyList<string> Validate(ReadOnlySpan<double> genes);

    /// <summary>
    /// Creates a generator for <paramref name="strategyCount"/> gene vectors at once (row-major in
    /// <paramref name="geneMatrix"/>: strategy s, gene g at [s * Genes.Count + g]), sharing indicator work among them.
    /// The gene vectors must be valid (the engine validates before calling).
    /// </summary>
    ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount);
}
