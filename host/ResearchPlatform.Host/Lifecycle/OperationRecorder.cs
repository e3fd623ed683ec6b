namespace ResearchPlatform.Host.Lifecycle;

/// <summary>Thread-safe per-operation counters and a ring of recent latencies for percentiles.</summary>
internal sealed class OperationRecorder(int samples)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Record(string name, TimeSpan elapsed, bool succeeded, string? error)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(name, out var e))
            {
                e = new Entry(samples);
                _entries[name] = e;
            }

            e.Count++;
            e.TotalMs += elapsed.TotalMilliseconds;
            if (!succeeded)
            {
                e.Failures++;
                e.LastError = error;
            }

            e.Ring[e.Next] = elapsed.TotalMilliseconds;
            e.Next = (e.Next + 1) % e.Ring.Length;
            e.Filled = Math.Min(e.Filled + 1, e.Ring.Length);
        }
    }

    public IReadOnlyList<OperationStats> Snapshot()
    {
        lock (_lock)
        {
            return [.. _entries.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Stats(kv.Key, kv.Value))];
        }
    }

    private static OperationStats Stats(string name, Entry e)
    {
        var sorted = e.Ring.AsSpan(0, e.Filled).ToArray();
        Array.Sort(sorted);
        return new OperationStats(name, e.Count, e.Failures, e.Count == 0 ? 0 : e.TotalMs / e.Count, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), e.LastError);
    }

    /// <summary>Nearest-rank percentile of sorted values (0 when empty).</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private sealed class Entry(int samples)
    {
        public readonly double[] Ring = new double[samples];
        public long Count;
        public long Failures;
        public double TotalMs;
        public int Next;
        public int Filled;
        public string? LastError;
    }
}
