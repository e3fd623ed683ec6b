namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Reads process health cheaply (no <c>Process</c> object, no allocation-heavy APIs): CPU % from
/// <see cref="Environment.CpuUsage"/> over the time since the previous call, memory, GC counts and total pause, thread
/// pool, and free space of the drive holding the workspace.
/// </summary>
internal sealed class SystemMetricsCollector(string workspacePath, TimeProvider time)
{
    private readonly DriveInfo? _drive = TryDrive(workspacePath);
    private long _lastTimestamp = time.GetTimestamp();
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;

    public SystemHealth Collect()
    {
        var nowTs = time.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = time.GetElapsedTime(_lastTimestamp, nowTs);
        var cpuPercent = wall > TimeSpan.Zero ? Math.Clamp((cpu - _lastCpu) / wall / Environment.ProcessorCount * 100, 0, 100) : 0;
        _lastTimestamp = nowTs;
        _lastCpu = cpu;
        ThreadPool.GetAvailableThreads(out var workers, out _);
        long free = -1, total = -1;
        if (_drive is not null)
        {
            try
            {
                free = _drive.AvailableFreeSpace;
                total = _drive.TotalSize;
            }
            catch (IOException)
            {
            }
        }

        return new SystemHealth(
            cpuPercent, Environment.WorkingSet, GC.GetTotalMemory(false), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds, ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount, workers, free, total);
    }

    private static DriveInfo? TryDrive(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var best = DriveInfo.GetDrives().Where(d => full.StartsWith(d.RootDirectory.FullName, StringComparison.Ordinal))
                .MaxBy(d => d.RootDirectory.FullName.Length);
            return best ?? new DriveInfo(Path.GetPathRoot(full)!);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
