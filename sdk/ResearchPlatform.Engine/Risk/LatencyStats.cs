using System.Diagnostics;

namespace ResearchPlatform.Engine.Risk;

/// <summary>Latency percentiles of one benchmarked operation, in microseconds.</summary>
/// <param name="Operation">What was timed.</param>
/// <param name="Samples">Timed calls.</param>
/// <param name="MeanUs">Mean.</param>
/// <param name="P50Us">Median.</param>
/// <param name="P99Us">99th percentile.</param>
/// <param name="MaxUs">Slowest call.</param>
/// <param name="TargetP99Us">The target for p99, or null when there is none.</param>
internal sealed record LatencyStats(string Operation, int Samples, double MeanUs, double P50Us, double P99Us, double MaxUs, double? TargetP99Us)
{
    /// <summary>True when p99 meets the target.</summary>
    public bool MeetsTarget => TargetP99Us is not { } t || P99Us < t;

    /// <summary>Builds the stats from raw <see cref="Stopwatch"/> tick durations (sorted in place).</summary>
    public static LatencyStats FromTicks(string operation, long[] ticks, double? targetP99Us)
    {
        Array.Sort(ticks);
        var toUs = 1_000_000.0 / Stopwatch.Frequency;
        double At(double q) => ticks[Math.Min(ticks.Length - 1, (int)Math.Ceiling(q * ticks.Length) - 1)] * toUs;
        return new LatencyStats(operation, ticks.Length, ticks.Average() * toUs, At(0.50), At(0.99), ticks[^1] * toUs, targetP99Us);
    }
}
