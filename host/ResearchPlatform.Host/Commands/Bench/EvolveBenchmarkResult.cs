namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>Figures of one <see cref="EvolveBenchmark"/> run.</summary>
internal sealed record EvolveBenchmarkResult(
    string Data,
    int Bars,
    IReadOnlyList<string> SeedTypes,
    int Population,
    int Folds,
    int Threads,
    int Generations,
    double FullGenerationSeconds,
    double FullGenerationEvalSeconds,
    double FullGenerationBookkeepingSeconds,
    double BestGenerationSeconds,
    double MeanGenerationSeconds,
    double BookkeepingShareMax,
    double BookkeepingShareMean,
    double BookkeepingShareAggregate,
    double StepsPerSecond,
    double GenerationTargetSeconds,
    bool GenerationMeetsTarget,
    double BookkeepingTargetShare,
    bool BookkeepingMeetsTarget,
    IReadOnlyList<EvolveBenchmarkGeneration> PerGeneration);
