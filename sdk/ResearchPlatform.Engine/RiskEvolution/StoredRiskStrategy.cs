namespace ResearchPlatform.Engine.RiskEvolution;

/// <summary>A strategy of a risk-genome evolution as stored (<c>risk_evolution_runs.strategies</c>).</summary>
/// <param name="SeedType">Seed type id.</param>
/// <param name="Genes">Exact gene vector.</param>
/// <param name="Label">Report label.</param>
internal sealed record StoredRiskStrategy(string SeedType, IReadOnlyList<double> Genes, string Label);
