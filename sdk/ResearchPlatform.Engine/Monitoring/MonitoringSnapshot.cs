namespace ResearchPlatform.Engine.Monitoring;

/// <summary>Everything monitored at one instant. <see cref="Metrics"/> flattens it into named numbers.</summary>
public sealed record MonitoringSnapshot(
    DateTimeOffset At,
    SystemHealth System,
    EvolutionMetrics? Evolution,
    TradingMetrics? Trading,
    IReadOnlyList<ComponentStatus> Components)
{
    /// <summary>Named values (<c>system.cpu_percent</c>, <c>trading.drawdown</c>, ...) used by thresholds, anomaly detection and history.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Metrics()
    {
        var s = System;
        var list = new List<KeyValuePair<string, double>>(24)
        {
            new("system.cpu_percent", s.CpuPercent),
            new("system.working_set_bytes", s.WorkingSetBytes),
            new("system.managed_heap_bytes", s.ManagedHeapBytes),
            new("system.gc_gen0_collections", s.Gen0Collections),
            new("system.gc_gen1_collections", s.Gen1Collections),
            new("system.gc_gen2_collections", s.Gen2Collections),
            new("system.gc_pause_total_ms", s.GcPauseTotalMs),
            new("system.threadpool_threads", s.ThreadPoolThreads),
            new("system.threadpool_pending_items", s.ThreadPoolPendingItems),
            new("system.disk_free_bytes", s.DiskFreeBytes),
            new("components.failing", Components.Count(c => c.Failing)),
        };
        if (Evolution is { } e)
        {
            list.Add(new("evolution.generation", e.Generation));
            list.Add(new("evolution.best_fitness", e.BestFitness));
            list.Add(new("evolution.mean_fitness", e.MeanFitness));
            list.Add(new("evolution.diversity", e.Diversity));
            list.Add(new("evolution.failed_evaluations", e.FailedEvaluations));
        }

        if (Trading is { } t)
        {
            list.Add(new("trading.pnl", t.Pnl));
            list.Add(new("trading.sharpe", t.Sharpe));
            list.Add(new("trading.drawdown", t.Drawdown));
            list.Add(new("trading.win_rate", t.WinRate));
            list.Add(new("trading.exposure", t.Exposure));
            list.Add(new("trading.risk_level", t.RiskLevel));
        }

        return list;
    }
}
