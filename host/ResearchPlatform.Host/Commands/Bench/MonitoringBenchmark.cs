using System.Diagnostics;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Monitoring;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// Times the monitoring hot paths: <see cref="MonitoringService.Collect"/> (system health + pushed evolution/trading
/// figures + 10 component states; target under 1 ms), a full <see cref="MonitoringService.Tick"/> without history
/// (thresholds, two anomaly detectors on 5 metrics, cascade detection), and the Prometheus text rendering.
/// </summary>
public static class MonitoringBenchmark
{
    /// <summary>The target for one snapshot.</summary>
    public const double CollectTargetUs = 1000;

    /// <summary>One operation's latency distribution.</summary>
    public sealed record Stat(string Operation, int Samples, double MeanUs, double P50Us, double P99Us, double MaxUs, double? TargetMeanUs)
    {
        public bool MeetsTarget => TargetMeanUs is not { } t || MeanUs < t;
    }

    public static IReadOnlyList<Stat> Run(int iterations, string workspacePath)
    {
        var components = Enumerable.Range(0, 10).Select(i => new ComponentStatus("component_" + i, "running", false)).ToArray();
        var svc = new MonitoringService(new MonitoringOptions(), NullAlertPublisher.Instance, workspacePath, TimeProvider.System, () => components);
        svc.ReportEvolution(new EvolutionMetrics("bench", 12, 1.4, 0.8, 0.3, 0));
        svc.ReportTrading(new TradingMetrics(1520.5, 1.3, 0.04, 0.56, 0.35, 0));
        var counters = new AlertCounters();
        var snapshot = svc.Tick();
        return
        [
            Time("collect_snapshot", iterations, () => svc.Collect(), CollectTargetUs),
            Time("tick (collect + thresholds + anomaly + cascade)", iterations, () => svc.Tick(), null),
            Time("render_prometheus", iterations, () => PrometheusRenderer.Render(snapshot, counters), null),
        ];
    }

    private static Stat Time(string name, int n, Func<object> op, double? target)
    {
        for (var i = 0; i < Math.Min(1000, n); i++)
        {
            op();
        }

        var samples = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            op();
            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        var mean = samples.Average();
        Array.Sort(samples);
        return new Stat(name, n, mean, samples[n / 2], samples[(int)Math.Min(n - 1, Math.Ceiling(n * 0.99) - 1)], samples[^1], target);
    }
}
