using System.Globalization;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Takes a <see cref="MonitoringSnapshot"/> every <see cref="MonitoringOptions.Interval"/> (on the injected
/// <see cref="TimeProvider"/>): system health, the latest evolution and trading figures pushed with
/// <see cref="ReportEvolution"/>/<see cref="ReportTrading"/>, and component states from the host's seam. Each tick
/// evaluates threshold rules, anomaly detectors (robust z-score and EWMA; both must agree, which keeps false alarms on
/// noisy metrics rare) and cascade detection, publishes alerts through <see cref="IAlertPublisher"/>, and appends the
/// metrics to the history (when a store is given). <see cref="Collect"/> alone is the cheap part (target under 1 ms).
/// </summary>
public sealed class MonitoringService : IAsyncDisposable
{
    private readonly MonitoringOptions _options;
    private readonly IAlertPublisher _alerts;
    private readonly TimeProvider _time;
    private readonly Func<IReadOnlyList<ComponentStatus>> _components;
    private readonly MonitoringHistoryStore? _history;
    private readonly SystemMetricsCollector _system;
    private readonly Dictionary<string, (RobustZScoreDetector Robust, EwmaDetector Ewma)> _detectors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _breached = new(StringComparer.Ordinal);
    private readonly CascadeDetector _cascade;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private EvolutionMetrics? _evolution;
    private TradingMetrics? _trading;
    private MonitoringSnapshot? _latest;

    public MonitoringService(MonitoringOptions options, IAlertPublisher alerts, string workspacePath, TimeProvider? time = null,
        Func<IReadOnlyList<ComponentStatus>>? components = null, MonitoringHistoryStore? history = null)
    {
        _options = options;
        _alerts = alerts;
        _time = time ?? TimeProvider.System;
        _components = components ?? (() => []);
        _history = history;
        _system = new SystemMetricsCollector(workspacePath, _time);
        _cascade = new CascadeDetector(options.CascadeWindow);
        foreach (var m in options.AnomalyMetrics)
        {
            _detectors[m] = (new RobustZScoreDetector(options.AnomalyWindow, options.RobustZThreshold), new EwmaDetector(options.EwmaAlpha, options.EwmaThreshold));
        }
    }

    /// <summary>The last snapshot taken by <see cref="Tick"/>, or null before the first.</summary>
    public MonitoringSnapshot? Latest => Volatile.Read(ref _latest);

    /// <summary>Called by the evolution engine after each generation.</summary>
    public void ReportEvolution(EvolutionMetrics metrics) => Volatile.Write(ref _evolution, metrics);

    /// <summary>Called by the trading path when PnL or risk changes.</summary>
    public void ReportTrading(TradingMetrics metrics) => Volatile.Write(ref _trading, metrics);

    /// <summary>Starts periodic ticks.</summary>
    public void Start() => _timer ??= _time.CreateTimer(_ => Tick(), null, _options.Interval, _options.Interval);

    /// <summary>Takes a snapshot without evaluating or storing it.</summary>
    public MonitoringSnapshot Collect() =>
        new(_time.GetUtcNow(), _system.Collect(), Volatile.Read(ref _evolution), Volatile.Read(ref _trading), _components());

    /// <summary>Takes a snapshot, evaluates every condition, publishes alerts and stores the metrics; returns the snapshot.</summary>
    public MonitoringSnapshot Tick()
    {
        lock (_gate)
        {
            var snap = Collect();
            var metrics = snap.Metrics();
            foreach (var (name, value) in metrics)
            {
                CheckThresholds(snap, name, value);
                CheckAnomaly(snap, name, value);
            }

            CheckComponents(snap);
            _history?.Append(snap.At, metrics);
            Volatile.Write(ref _latest, snap);
            return snap;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }
    }

    private void CheckThresholds(MonitoringSnapshot snap, string name, double value)
    {
        foreach (var rule in _options.Thresholds.Where(r => r.Metric == name))
        {
            var key = $"threshold:{rule.Metric}{rule.Operator}{rule.Value.ToString(CultureInfo.InvariantCulture)}";
            if (!rule.IsBreached(value))
            {
                _breached.Remove(key);
                continue;
            }

            if (_breached.Add(key))
            {
                Raise(snap, rule.Level, CategoryOf(name), key, $"{name} {rule.Operator} {Fmt(rule.Value)}",
                    $"{name} is {Fmt(value)}, threshold {rule.Operator} {Fmt(rule.Value)}.", new() { ["metric"] = name, ["value"] = Fmt(value), ["threshold"] = Fmt(rule.Value) });
            }
        }
    }

    private void CheckAnomaly(MonitoringSnapshot snap, string name, double value)
    {
        if (!_detectors.TryGetValue(name, out var d))
        {
            return;
        }

        var robust = d.Robust.Score(value);
        var ewma = d.Ewma.Score(value);
        if (d.Robust.IsAnomaly(robust) && d.Ewma.IsAnomaly(ewma))
        {
            Raise(snap, AlertLevel.Warning, CategoryOf(name), "anomaly:" + name, $"Anomaly in {name}",
                $"{name} = {Fmt(value)} (robust z {Fmt(robust!.Value)}, EWMA z {Fmt(ewma!.Value)}).",
                new() { ["metric"] = name, ["value"] = Fmt(value), ["robust_z"] = Fmt(robust.Value), ["ewma_z"] = Fmt(ewma.Value) });
        }
    }

    private void CheckComponents(MonitoringSnapshot snap)
    {
        var result = _cascade.Observe(snap.Components, snap.At);
        if (result.Cascade is { } names)
        {
            var details = string.Join("; ", snap.Components.Where(c => names.Contains(c.Name)).Select(c => $"{c.Name}: {c.State}{(c.Detail is null ? string.Empty : " (" + c.Detail + ")")}"));
            Raise(snap, AlertLevel.Critical, AlertCategory.System, "cascade:" + string.Join(",", names), $"Cascade: {names.Count} components failing: {string.Join(", ", names)}",
                $"{names.Count} components started failing within {_options.CascadeWindow.TotalSeconds:0} s: {details}.",
                new() { ["components"] = string.Join(",", names) });
            return;
        }

        foreach (var name in result.NewlyFailing)
        {
            var c = snap.Components.First(x => x.Name == name);
            Raise(snap, AlertLevel.Critical, AlertCategory.System, "component:" + name, $"Component {name} is {c.State}", c.Detail ?? $"{name} is {c.State}.",
                new() { ["component"] = name, ["state"] = c.State });
        }
    }

    private void Raise(MonitoringSnapshot snap, AlertLevel level, AlertCategory category, string key, string title, string body, Dictionary<string, string> context) =>
        _alerts.Publish(new Alert(level, category, key, title, body, "monitoring", context, snap.At));

    private static AlertCategory CategoryOf(string metric) => metric.Split('.')[0] switch
    {
        "trading" => AlertCategory.Trading,
        "evolution" => AlertCategory.Genetic,
        _ => AlertCategory.System,
    };

    private static string Fmt(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
