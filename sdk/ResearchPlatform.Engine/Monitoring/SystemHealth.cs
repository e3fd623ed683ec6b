namespace ResearchPlatform.Engine.Monitoring;

/// <summary>Process and machine health at one instant.</summary>
public sealed record SystemHealth(
    double CpuPercent,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseTotalMs,
    int ThreadPoolThreads,
    long ThreadPoolPendingItems,
    int ThreadPoolAvailableWorkers,
    long DiskFreeBytes,
    long DiskTotalBytes);
