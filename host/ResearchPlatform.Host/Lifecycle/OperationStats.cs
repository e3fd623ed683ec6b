namespace ResearchPlatform.Host.Lifecycle;

/// <summary>Recorded figures of one operation: calls, failures and latency percentiles over the recent samples.</summary>
public sealed record OperationStats(string Operation, long Count, long Failures, double MeanMs, double P50Ms, double P95Ms, double P99Ms, string? LastError);
