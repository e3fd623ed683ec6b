using ResearchPlatform.Engine.Evolution.Statistics;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>One row of <c>evolution_runs</c>.</summary>
internal sealed record EvolutionRunRecord(
    string RunId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    EvolutionRunStatus Status,
    string Symbol,
    string Interval,
    string DataSource,
    string DatasetKey,
    string CostModel,
    int BarCount,
    int Seed,
    EvolutionObjective Objective,
    int Population,
    int MaxGenerations,
    IReadOnlyList<SeedTypeRef> SeedTypes,
    EvolutionRunConfig Config,
    int CompletedGenerations,
    TerminationReason? Termination,
    long? DistinctEvaluations,
    DeflatedSharpeResult? DeflatedSharpe,
    DateTimeOffset? FinishedAt);
