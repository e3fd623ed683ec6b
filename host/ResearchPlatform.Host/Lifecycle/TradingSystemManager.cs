using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Lifecycle;

/// <summary>
/// Starts the trading system's components tier by tier (connections, data clients, engines, monitoring; within a tier in
/// registration order), each within its timeout, and stops them in the reverse order, each within its timeout,
/// even when some failed. Keeps every component's status, computes health (connected / total against the threshold),
/// blocks live trading when a critical component is not connected in live mode, publishes status changes as events
/// and alerts, and runs the named operations, timing and recording each.
/// </summary>
public sealed class TradingSystemManager : IComponentStatusSink
{
    private readonly IReadOnlyList<IManagedComponent> _components;
    private readonly Dictionary<string, IOperationHandler> _operations;
    private readonly IReadOnlyList<IOperationObserver> _observers;
    private readonly TradingSystemOptions _options;
    private readonly IAlertPublisher _alerts;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Dictionary<string, ComponentState> _states = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly OperationRecorder _recorder;
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private string? _haltReason;
    private volatile bool _startCompleted;

    public TradingSystemManager(
        IEnumerable<IManagedComponent> components,
        IEnumerable<IOperationHandler> operations,
        IEnumerable<IOperationObserver> observers,
        IOptions<TradingSystemOptions> options,
        IAlertPublisher alerts,
        TimeProvider time,
        ILogger<TradingSystemManager> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _components = [.. components];
        var duplicate = _components.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two components are named '{duplicate.Key}'", nameof(components));
        }

        _operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        _observers = [.. observers];
        _options = options.Value;
        _alerts = alerts;
        _time = time;
        _log = log;
        _recorder = new OperationRecorder(_options.OperationSamples);
        StartedAt = time.GetUtcNow();
        foreach (var c in _components)
        {
            _states[c.Name] = new ComponentState(c.Name, c.Kind, c.Tier, ComponentStatus.Connecting, "not started", StartedAt);
        }
    }

    /// <summary>Raised on every status change (on the reporting thread; handlers must be quick).</summary>
    public event Action<ComponentStatusChanged>? StatusChanged;

    public TradingMode Mode => _options.Mode;

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Registered components in registration order.</summary>
    public IReadOnlyList<IManagedComponent> Components => _components;

    /// <summary>Names of the operations <see cref="ExecuteOperationAsync"/> accepts.</summary>
    public IReadOnlyList<string> OperationNames => [.. _operations.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Starts every component tier by tier; never throws for a component failure (its status says it).</summary>
    public async Task<HealthReport> StartAsync(CancellationToken cancellationToken)
    {
        StartedAt = _time.GetUtcNow();
        foreach (var tier in _components.GroupBy(c => c.Tier).OrderBy(g => g.Key))
        {
            foreach (var c in tier)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await StartOneAsync(c, cancellationToken);
            }
        }

        _startCompleted = true;
        var health = Health();
        foreach (var warning in health.Warnings)
        {
            _log.LogWarning("{Warning}", warning);
        }

        if (health.LiveTradingBlocked)
        {
            _log.LogError("live trading blocked: {Reason}", health.BlockedReason);
        }

        return health;
    }

    /// <summary>Stops every started component in reverse start order, each within its timeout, continuing past failures.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var order = _components.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Tier).ThenByDescending(x => x.i).Select(x => x.c);
        foreach (var c in order)
        {
            lock (_lock)
            {
                if (!_started.Remove(c.Name))
                {
                    continue;
                }
            }

            var timeout = Min(c.StopTimeout, _options.MaxStopTimeout);
            var sw = Stopwatch.StartNew();
            try
            {
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                cts.CancelAfter(timeout);
                await c.StopAsync(cts.Token).WaitAsync(timeout, cancellationToken);
                if (_log.IsEnabled(LogLevel.Information))
                {
                    _log.LogInformation("stopped {Component} ({Ms} ms)", c.Name, sw.ElapsedMilliseconds);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var why = ex is TimeoutException ? $"stop timed out after {timeout.TotalMilliseconds:0} ms" : $"stop failed: {ex.Message}";
                _log.LogWarning("{Component}: {Why}", c.Name, why);
            }
        }
    }

    /// <summary>Reports a component's new status (from the component itself or the host).</summary>
    public void Report(string component, ComponentHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        ComponentStatusChanged change;
        lock (_lock)
        {
            if (!_states.TryGetValue(component, out var old))
            {
                throw new ArgumentException($"unknown component '{component}'", nameof(component));
            }

            if (old.Status == health.Status && old.Reason == health.Reason)
            {
                return;
            }

            var now = new ComponentState(old.Name, old.Kind, old.Tier, health.Status, health.Reason, _time.GetUtcNow());
            _states[component] = now;
            change = new ComponentStatusChanged(now, old.Status);
        }

        Publish(change);
    }

    /// <summary>Halts trading (emergency stop): health then shows live trading blocked with the reason.</summary>
    public void Halt(string reason)
    {
        _haltReason = reason;
        _alerts.Publish(new Alert(AlertLevel.Emergency, AlertCategory.Trading, "emergency_stop", "Emergency stop", reason, "trading_system", new Dictionary<string, string>(), _time.GetUtcNow()));
    }

    /// <summary>Lifts an emergency stop (an operator resumed trading).</summary>
    public void Resume()
    {
        _haltReason = null;
        _alerts.Publish(new Alert(AlertLevel.Informational, AlertCategory.Trading, "emergency_stop:resumed", "Trading resumed", "the operator resumed trading after the emergency stop", "trading_system", new Dictionary<string, string>(), _time.GetUtcNow()));
    }

    /// <summary>True after <see cref="Halt"/>.</summary>
    public bool IsHalted => _haltReason is not null;

    /// <summary>The current status of every component, health score and live-trading verdict.</summary>
    public HealthReport Health()
    {
        List<ComponentState> states;
        lock (_lock)
        {
            states = [.. _components.Select(c => _states[c.Name])];
        }

        var connected = states.Count(s => s.Status == ComponentStatus.Connected);
        var score = states.Count == 0 ? 1.0 : (double)connected / states.Count;
        var warnings = states.Where(s => s.Kind == ComponentKind.Optional && s.Status is ComponentStatus.Degraded or ComponentStatus.Error)
            .Select(s => $"optional component {s.Name} is {Upper(s.Status)}: {s.Reason}").ToList();
        var failedCritical = states.Where(s => s.Kind == ComponentKind.Critical && s.Status is ComponentStatus.Error or ComponentStatus.Degraded).ToList();
        string? blocked = null;
        if (_haltReason is not null)
        {
            blocked = "trading halted by emergency stop: " + _haltReason;
        }
        else if (_options.Mode == TradingMode.Live && failedCritical.Count > 0)
        {
            blocked = "live trading blocked: critical component(s) not connected: "
                + string.Join("; ", failedCritical.Select(s => $"{s.Name} {Upper(s.Status)} ({s.Reason})"));
        }

        return new HealthReport(score >= _options.HealthThreshold, score, _options.HealthThreshold, _options.Mode, StartedAt, blocked is not null, blocked, warnings, states);
    }

    /// <summary>Runs a named operation, timing it and recording the outcome; failures are returned, not thrown.</summary>
    public async Task<OperationResult> ExecuteOperationAsync(string name, IReadOnlyDictionary<string, string>? args, CancellationToken cancellationToken)
    {
        if (!_operations.TryGetValue(name, out var handler))
        {
            throw new ArgumentException($"unknown operation '{name}' (known: {string.Join(", ", OperationNames)})", nameof(name));
        }

        var sw = Stopwatch.StartNew();
        object? result = null;
        string? error = null;
        try
        {
            result = await handler.ExecuteAsync(args ?? new Dictionary<string, string>(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        sw.Stop();
        _recorder.Record(name, sw.Elapsed, error is null, error);
        foreach (var o in _observers)
        {
            o.OnOperation(name, sw.Elapsed, error is null, error);
        }

        return new OperationResult(name, error is null, result, error, sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>Recorded figures per operation.</summary>
    public IReadOnlyList<OperationStats> OperationStatistics() => _recorder.Snapshot();

    internal static string Upper(ComponentStatus s) => s.ToString().ToUpperInvariant();

    private async Task StartOneAsync(IManagedComponent c, CancellationToken cancellationToken)
    {
        Report(c.Name, new ComponentHealth(ComponentStatus.Connecting));
        lock (_lock)
        {
            _started.Add(c.Name);
        }

        var timeout = Min(c.StartTimeout, _options.MaxStartTimeout);
        var sw = Stopwatch.StartNew();
        ComponentHealth health;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            health = await Task.Run(() => c.StartAsync(this, cts.Token), cts.Token).WaitAsync(timeout, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            health = ComponentHealth.Failed(ex is TimeoutException or OperationCanceledException
                ? $"start timed out after {timeout.TotalMilliseconds:0} ms"
                : $"start failed: {ex.GetType().Name}: {ex.Message}");
        }

        Report(c.Name, health);
        if (_log.IsEnabled(LogLevel.Information))
        {
            _log.LogInformation("started {Component} [{Tier}] {Status} in {Ms} ms{Reason}", c.Name, c.Tier, Upper(health.Status), sw.ElapsedMilliseconds, health.Reason is null ? string.Empty : ": " + health.Reason);
        }
    }

    private void Publish(ComponentStatusChanged change)
    {
        StatusChanged?.Invoke(change);
        var s = change.Current;
        if (_startCompleted && _log.IsEnabled(LogLevel.Information))
        {
            _log.LogInformation("{Component} {Previous} -> {Status}{Reason}", s.Name, change.Previous is { } p ? Upper(p) : "-", Upper(s.Status), s.Reason is null ? string.Empty : ": " + s.Reason);
        }

        var level = s.Status switch
        {
            ComponentStatus.Error => s.Kind == ComponentKind.Critical ? AlertLevel.Critical : AlertLevel.Warning,
            ComponentStatus.Degraded => AlertLevel.Warning,
            ComponentStatus.Connected when change.Previous is ComponentStatus.Error or ComponentStatus.Degraded => AlertLevel.Informational,
            _ => (AlertLevel?)null,
        };
        if (level is { } l)
        {
            var title = $"{s.Name} {Upper(s.Status)}";
            _alerts.Publish(new Alert(l, AlertCategory.System, "component:" + s.Name, title, s.Reason ?? (s.Status == ComponentStatus.Connected ? "recovered" : title), s.Name,
                new Dictionary<string, string> { ["kind"] = s.Kind.ToString().ToLowerInvariant(), ["previous"] = change.Previous?.ToString() ?? string.Empty }, s.Since));
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
