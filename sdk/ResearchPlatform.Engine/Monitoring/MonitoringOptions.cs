namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Monitoring settings: snapshot interval, threshold rules, anomaly detection (rolling robust z-score over
/// <see cref="AnomalyWindow"/> samples and EWMA) on <see cref="AnomalyMetrics"/>, the cascade window, and history
/// retention (raw samples kept <see cref="RawRetention"/>, then 1-minute buckets kept <see cref="MinuteRetention"/>,
/// then 1-hour buckets).
/// </summary>
public sealed record MonitoringOptions
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<ThresholdRule> Thresholds { get; init; } =
    [
        new("system.cpu_percent", ">", 95, Sdk.Alerts.AlertLevel.Warning),
        new("trading.drawdown", ">", 0.15, Sdk.Alerts.AlertLevel.Critical),
    ];

    public IReadOnlyList<string> AnomalyMetrics { get; init; } =
        ["system.cpu_percent", "system.working_set_bytes", "system.threadpool_pending_items", "trading.pnl", "evolution.best_fitness"];

    public int AnomalyWindow { get; init; } = 60;

    public double RobustZThreshold { get; init; } = 6;

    public double EwmaAlpha { get; init; } = 0.1;

    public double EwmaThreshold { get; init; } = 6;

    public TimeSpan CascadeWindow { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan RawRetention { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan MinuteRetention { get; init; } = TimeSpan.FromDays(2);
}
