using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.RiskEvolution;

/// <summary>One fixed strategy of a risk-genome evolution: a seed type and its gene vector.</summary>
/// <param name="Seed">The seed type.</param>
/// <param name="Genes">The gene vector (valid for <paramref name="Seed"/>).</param>
/// <param name="Label">How it is named in reports, e.g. "momentum fast=12 slow=48" or "evo-0001#3".</param>
internal sealed record RiskStrategy(ISeedType Seed, IReadOnlyList<double> Genes, string Label);
