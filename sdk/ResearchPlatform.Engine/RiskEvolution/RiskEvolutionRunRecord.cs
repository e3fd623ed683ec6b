namespace ResearchPlatform.Engine.RiskEvolution;

/// <summary>One row of <c>risk_evolution_runs</c>: what a risk-genome evolution evolved for.</summary>
/// <param name="RunId">The run id (shared with <c>evolution_runs</c>).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RiskDefinition">The risk genome definition id, e.g. "default".</param>
/// <param name="StrategiesFrom">Where the strategies came from: "evo-0001:top3" or "seed momentum".</param>
/// <param name="Strategies">The fixed strategies.</param>
/// <param name="Baseline">The definition's preset scored like the GA's individuals (null until the run completes).</param>
internal sealed record RiskEvolutionRunRecord(
    string RunId, DateTimeOffset CreatedAt, string RiskDefinition, string StrategiesFrom, IReadOnlyList<StoredRiskStrategy> Strategies, RiskBaseline? Baseline);
