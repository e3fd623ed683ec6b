namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>Figures of one <see cref="DataBenchmark"/> run (milliseconds; *CpuMs = process CPU time over the same step).</summary>
internal sealed record DataBenchmarkResult(
    int Rows,
    long GenerateMs,
    long OpenMs,
    long ImportMs,
    long ImportCpuMs,
    long ImportTargetMs,
    bool ImportMeetsTarget,
    int Inserted,
    long ReimportMs,
    int ReimportInserted,
    int ReimportUpdated,
    long LoadMs,
    long LoadCpuMs,
    long LoadTargetMs,
    bool LoadMeetsTarget,
    int LoadedBars,
    long ResampleTo1hMs,
    int HourlyBars,
    long ParseFreqtradeJsonMs,
    long FreqtradeJsonBytes,
    int ProcessorCount,
    double? LoadAverage);
