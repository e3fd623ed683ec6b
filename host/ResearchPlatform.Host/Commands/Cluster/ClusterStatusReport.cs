namespace ResearchPlatform.Host.Commands.Cluster;

/// <summary>One silo in <c>rp cluster status --json</c>.</summary>
internal sealed record ClusterStatusReport(
    string Silo,
    string Status,
    string? HostName,
    int? Cores,
    long? Evaluations,
    long? Batches,
    double? EvaluationsPerSecond,
    double? BusyPercent,
    int? InFlight,
    int? CachedDatasets,
    double? UptimeSeconds,
    IReadOnlyList<string>? SeedTypes,
    string? Error);
