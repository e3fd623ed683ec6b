namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>Figures of one <see cref="DataBenchmark"/> run (milliseconds).</summary>
internal sealed record DataBenchmarkResult(
    int Rows,
    long GenerateMs,
    long OpenMs,
    long ImportMs,
    long ImportTargetMs,
    bool ImportMeetsTarget,
    int Inserted,
    long ReimportMs,
    int ReimportInserted,
    int ReimportUpdated,
    long LoadMs,
    long LoadTargetMs,
    bool LoadMeetsTarget,
    int LoadedBars,
    long ResampleTo1hMs,
    int HourlyBars,
    long ParseFreqtradeJsonMs,
    long FreqtradeJsonBytes);
