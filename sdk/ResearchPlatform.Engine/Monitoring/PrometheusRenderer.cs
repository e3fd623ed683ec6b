using System.Globalization;
using System.Text;
using ResearchPlatform.Engine.Alerts;

namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Renders the latest snapshot and the alert counters in the Prometheus text exposition format 0.0.4
/// (<c>text/plain; version=0.0.4; charset=utf-8</c>): one <c># HELP</c> and <c># TYPE</c> line per metric family, then
/// its samples; label values escape backslash, double quote and newline; HELP text escapes backslash and newline;
/// values use Go float syntax (<c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>). Every line ends with <c>\n</c>.
/// </summary>
public static class PrometheusRenderer
{
    /// <summary>The Content-Type to serve the text with.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The exposition text for <paramref name="snapshot"/> and <paramref name="counters"/> (either may be null).</summary>
    public static string Render(MonitoringSnapshot? snapshot, AlertCounters? counters)
    {
        var sb = new StringBuilder(4096);
        if (snapshot is not null)
        {
            var s = snapshot.System;
            Gauge(sb, "rp_process_cpu_percent", "Process CPU use over the last interval, percent of all cores.", s.CpuPercent);
            Gauge(sb, "rp_process_working_set_bytes", "Process working set.", s.WorkingSetBytes);
            Gauge(sb, "rp_dotnet_gc_heap_bytes", "Managed heap size.", s.ManagedHeapBytes);
            Family(sb, "rp_dotnet_gc_collections_total", "Garbage collections by generation.", "counter",
                [(Labels(("generation", "0")), s.Gen0Collections), (Labels(("generation", "1")), s.Gen1Collections), (Labels(("generation", "2")), s.Gen2Collections)]);
            Family(sb, "rp_dotnet_gc_pause_seconds_total", "Total time paused for garbage collection.", "counter", [(string.Empty, s.GcPauseTotalMs / 1000)]);
            Gauge(sb, "rp_dotnet_threadpool_threads", "Thread pool threads.", s.ThreadPoolThreads);
            Gauge(sb, "rp_dotnet_threadpool_queue_length", "Work items waiting for the thread pool.", s.ThreadPoolPendingItems);
            Gauge(sb, "rp_workspace_disk_free_bytes", "Free space on the workspace's drive.", s.DiskFreeBytes);
            if (snapshot.Evolution is { } e)
            {
                var run = Labels(("run_id", e.RunId));
                Family(sb, "rp_evolution_generation", "Latest evolution generation.", "gauge", [(run, e.Generation)]);
                Family(sb, "rp_evolution_best_fitness", "Best fitness of the latest generation.", "gauge", [(run, e.BestFitness)]);
                Family(sb, "rp_evolution_mean_fitness", "Mean fitness of the latest generation.", "gauge", [(run, e.MeanFitness)]);
                Family(sb, "rp_evolution_diversity", "Population diversity of the latest generation.", "gauge", [(run, e.Diversity)]);
                Family(sb, "rp_evolution_failed_evaluations", "Failed fitness evaluations in the latest generation.", "gauge", [(run, e.FailedEvaluations)]);
            }

            if (snapshot.Trading is { } t)
            {
                Gauge(sb, "rp_trading_pnl", "Trading PnL in quote currency.", t.Pnl);
                Gauge(sb, "rp_trading_sharpe", "Trading Sharpe ratio.", t.Sharpe);
                Gauge(sb, "rp_trading_drawdown_ratio", "Current drawdown as a fraction of peak equity.", t.Drawdown);
                Gauge(sb, "rp_trading_win_rate_ratio", "Fraction of winning trades.", t.WinRate);
                Gauge(sb, "rp_trading_exposure_ratio", "Gross exposure as a fraction of equity.", t.Exposure);
                Gauge(sb, "rp_trading_risk_level", "Risk manager level (0 = normal).", t.RiskLevel);
            }

            if (snapshot.Components.Count > 0)
            {
                Family(sb, "rp_component_up", "1 when the component is not failing, by component and state.", "gauge",
                    snapshot.Components.Select(c => (Labels(("component", c.Name), ("state", c.State)), c.Failing ? 0.0 : 1.0)).ToList());
            }

            Family(sb, "rp_snapshot_timestamp_seconds", "When the snapshot was taken (Unix seconds).", "gauge", [(string.Empty, snapshot.At.ToUnixTimeMilliseconds() / 1000.0)]);
        }

        if (counters is not null)
        {
            Family(sb, "rp_alerts_total", "Alerts raised (after throttling) by level and category.", "counter",
                counters.Raised.OrderBy(p => p.Key.Level, StringComparer.Ordinal).ThenBy(p => p.Key.Category, StringComparer.Ordinal)
                    .Select(p => (Labels(("level", p.Key.Level), ("category", p.Key.Category)), (double)p.Value)).ToList());
            Family(sb, "rp_alerts_collapsed_total", "Repeats collapsed into an existing alert by throttling.", "counter", [(string.Empty, counters.Collapsed)]);
            Family(sb, "rp_alert_deliveries_total", "Alert delivery outcomes by channel.", "counter",
                counters.Deliveries.OrderBy(p => p.Key.Channel, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal)
                    .Select(p => (Labels(("channel", p.Key.Channel), ("outcome", p.Key.Outcome)), (double)p.Value)).ToList());
            Family(sb, "rp_alert_history_stored_total", "New alerts written to the alert history.", "counter", [(string.Empty, counters.HistoryStored)]);
            Family(sb, "rp_alert_history_batches_total", "Alert history transactions committed (one per batch).", "counter", [(string.Empty, counters.HistoryBatches)]);
            Family(sb, "rp_alert_history_queued", "New alerts waiting to be written to the alert history.", "gauge", [(string.Empty, counters.HistoryQueued)]);
            Family(sb, "rp_alerts_dropped_total", "Alerts below CRITICAL refused because the alert history queue was full, by level.", "counter",
                counters.Dropped.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (Labels(("level", p.Key)), (double)p.Value)).ToList());
        }

        return sb.ToString();
    }

    /// <summary>Formats a sample value as Prometheus expects.</summary>
    public static string FormatValue(double v) => double.IsNaN(v) ? "NaN"
        : double.IsPositiveInfinity(v) ? "+Inf"
        : double.IsNegativeInfinity(v) ? "-Inf"
        : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Escapes a label value (backslash, double quote, newline).</summary>
    public static string EscapeLabel(string v) => v.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    private static string EscapeHelp(string v) => v.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    private static string Labels(params (string Name, string Value)[] labels) =>
        "{" + string.Join(",", labels.Select(l => $"{l.Name}=\"{EscapeLabel(l.Value)}\"")) + "}";

    private static void Gauge(StringBuilder sb, string name, string help, double value) => Family(sb, name, help, "gauge", [(string.Empty, value)]);

    private static void Family(StringBuilder sb, string name, string help, string type, IReadOnlyList<(string Labels, double Value)> samples)
    {
        sb.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        sb.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var (labels, value) in samples)
        {
            sb.Append(name).Append(labels).Append(' ').Append(FormatValue(value)).Append('\n');
        }
    }
}
