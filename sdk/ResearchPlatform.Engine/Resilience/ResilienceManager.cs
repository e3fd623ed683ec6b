using System.Globalization;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Resilience;

/// <summary>
/// Supervises named components: each runs on its own task; a fault (a throw from <c>RunAsync</c>) is recorded and the
/// component is started again after an exponential backoff with seeded jitter (<see cref="ResilienceOptions"/>, timed
/// by the injected <see cref="TimeProvider"/>). When the faults within the window exceed the restart limit the
/// component is escalated: no more restarts, a CRITICAL alert naming it and its last errors, and
/// <c>onEscalated</c> (the host raises the risk manager's level there). Other components are not affected.
/// </summary>
internal sealed class ResilienceManager : IAsyncDisposable, IDisposable
{
    private readonly ResilienceOptions _options;
    private readonly TimeProvider _time;
    private readonly IAlertPublisher _alerts;
    private readonly Func<ComponentEscalation, CancellationToken, Task>? _onEscalated;
    private readonly Random _jitter;
    private readonly Lock _lock = new();
    private readonly List<SupervisedEntry> _entries = [];
    private readonly CancellationTokenSource _stop = new();
    private bool _started;

    public ResilienceManager(ResilienceOptions options, TimeProvider time, IAlertPublisher alerts, Func<ComponentEscalation, CancellationToken, Task>? onEscalated = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("resilience options: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _alerts = alerts ?? throw new ArgumentNullException(nameof(alerts));
        _onEscalated = onEscalated;
        _jitter = new Random(options.Seed);
    }

    /// <summary>Raised on every state change of a component (from the supervising task).</summary>
    public event Action<SupervisedStatus>? StatusChanged;

    public ResilienceOptions Options => _options;

    /// <summary>Every component's status, in registration order.</summary>
    public IReadOnlyList<SupervisedStatus> Statuses()
    {
        lock (_lock)
        {
            return [.. _entries.Select(e => e.Status)];
        }
    }

    public SupervisedStatus? Status(string name)
    {
        lock (_lock)
        {
            return _entries.Find(e => string.Equals(e.Component.Name, name, StringComparison.Ordinal))?.Status;
        }
    }

    /// <summary>Registers a component; once the manager is started, it starts at once.</summary>
    public void Add(ISupervisedComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        lock (_lock)
        {
            if (_entries.Exists(e => string.Equals(e.Component.Name, component.Name, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"component '{component.Name}' is already supervised", nameof(component));
            }

            var entry = new SupervisedEntry(component, _options.KeptErrors);
            _entries.Add(entry);
            if (_started)
            {
                entry.Task = Task.Run(() => SuperviseAsync(entry, _stop.Token), CancellationToken.None);
            }
        }
    }

    /// <summary>Starts every registered component.</summary>
    public void Start()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            if (_started)
            {
                return;
            }

            _started = true;
            foreach (var entry in _entries)
            {
                entry.Task = Task.Run(() => SuperviseAsync(entry, _stop.Token), CancellationToken.None);
            }
        }
    }

    /// <summary>Cancels every component and waits for them (at most until <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<Task> tasks;
        lock (_lock)
        {
            tasks = [.. _entries.Select(e => e.Task).OfType<Task>()];
        }

        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await Task.WhenAll(tasks).WaitAsync(cancellationToken);
    }

    /// <summary>The delay before the restart that follows the <paramref name="faultsInWindow"/>-th fault (jitter drawn).</summary>
    public TimeSpan NextBackoff(int faultsInWindow)
    {
        var exponent = Math.Clamp(faultsInWindow - 1, 0, 30);
        var ms = Math.Min(_options.BaseBackoff.TotalMilliseconds * Math.Pow(2, exponent), _options.MaxBackoff.TotalMilliseconds);
        double u;
        lock (_jitter)
        {
            u = _jitter.NextDouble();
        }

        return TimeSpan.FromMilliseconds(ms * (1 + (_options.Jitter * ((2 * u) - 1))));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Cancels every component without waiting for them.</summary>
    public void Dispose()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
        }

        _stop.Dispose();
    }

    private async Task SuperviseAsync(SupervisedEntry entry, CancellationToken ct)
    {
        var restarted = false;
        while (!ct.IsCancellationRequested)
        {
            Changed(entry.Set(SupervisionState.Running, restarted: restarted));
            try
            {
                await entry.Component.RunAsync(ct);
                break;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                var now = _time.GetUtcNow();
                var faults = entry.RecordFault(ex, now, _options.Window);
                if (faults > _options.MaxRestarts)
                {
                    await EscalateAsync(entry, faults, now, ct);
                    return;
                }

                var delay = NextBackoff(faults);
                Changed(entry.Set(SupervisionState.Restarting, now + delay));
                Publish(AlertLevel.Warning, entry, $"Component {entry.Component.Name} restarting", string.Create(
                    CultureInfo.InvariantCulture,
                    $"{entry.Component.Name} faulted ({ex.GetType().Name}: {ex.Message}); fault {faults} of {_options.MaxRestarts + 1} allowed within {_options.Window}; restart in {delay.TotalMilliseconds:0} ms"), now);
                try
                {
                    await Task.Delay(delay, _time, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                restarted = true;
            }
        }

        Changed(entry.Set(SupervisionState.Stopped));
    }

    private async Task EscalateAsync(SupervisedEntry entry, int faults, DateTimeOffset now, CancellationToken ct)
    {
        var status = entry.Set(SupervisionState.Escalated);
        Changed(status);
        var errors = status.RecentErrors;
        Publish(AlertLevel.Critical, entry, $"Component {entry.Component.Name} escalated", string.Create(
            CultureInfo.InvariantCulture,
            $"{entry.Component.Name} faulted {faults} times within {_options.Window} after {status.Restarts} restarts (limit {_options.MaxRestarts}); no more restarts; risk level raised to at least {_options.EscalationRiskLevel.ToString().ToUpperInvariant()}; last errors: {string.Join(" | ", errors)}"), now);
        if (_onEscalated is not null)
        {
            try
            {
                await _onEscalated(new ComponentEscalation(entry.Component.Name, status.Restarts, faults, errors, now), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Publish(AlertLevel.Critical, entry, $"Escalation of {entry.Component.Name} failed", $"raising the risk level failed: {ex.GetType().Name}: {ex.Message}", now);
            }
        }
    }

    private void Publish(AlertLevel level, SupervisedEntry entry, string title, string body, DateTimeOffset at)
    {
        var status = entry.Status;
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["component"] = entry.Component.Name,
            ["state"] = status.StateName,
            ["restarts"] = status.Restarts.ToString(CultureInfo.InvariantCulture),
            ["last_error"] = status.LastError ?? string.Empty,
        };
        _alerts.Publish(new Alert(level, AlertCategory.System, "resilience:" + entry.Component.Name + ":" + status.StateName, title, body, entry.Component.Name, context, at));
    }

    private void Changed(SupervisedStatus status) => StatusChanged?.Invoke(status);
}
