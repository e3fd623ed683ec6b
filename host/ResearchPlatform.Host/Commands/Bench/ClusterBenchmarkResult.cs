namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>Figures of <c>rp bench cluster</c>.</summary>
internal sealed record ClusterBenchmarkResult(
    int Population,
    int Bars,
    int Windows,
    int ProcessorCount,
    double LocalSeconds,
    double OneSiloSeconds,
    double TwoSilosSeconds,
    double LocalEvaluationsPerSecond,
    double OneSiloEvaluationsPerSecond,
    double TwoSilosEvaluationsPerSecond,
    double OverheadMicrosecondsPerEvaluation,
    double BatchTimeoutSeconds,
    double DeathToCompletionSeconds,
    int DeathFailedEvaluations,
    int DeathResubmitted,
    int DeathLocalFallback,
    bool ResultsIdentical);
