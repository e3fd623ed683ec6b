using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using ResearchPlatform.Engine.Alerts.Channels;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>
/// The alert pipeline behind <see cref="IAlertPublisher"/>: throttling (same key within the window -> one alert whose
/// count grows), history in DuckDB, asynchronous delivery through one <see cref="ChannelWorker"/> per enabled channel,
/// escalation of unacknowledged CRITICAL/EMERGENCY alerts on the injected <see cref="TimeProvider"/>, acknowledgement and
/// resolution, and periodic resending of failed deliveries. <see cref="Publish"/> only takes a short in-memory lock and
/// queues: it never touches the database, the network or a channel. The dispatcher stores what is queued in batches of up
/// to <see cref="MaxBatch"/> (new alerts, their queued deliveries and repeats in one transaction), so a burst keeps up;
/// the history queue holds <see cref="AlertsConfig.HistoryQueueCapacity"/> new alerts, beyond which alerts below CRITICAL
/// are refused and counted (<see cref="AlertCounters.Dropped"/>) while CRITICAL and EMERGENCY are always queued.
/// </summary>
public sealed class AlertService : IAlertPublisher, IAsyncDisposable
{
    private readonly AlertsConfig _config;
    private readonly AlertStore _store;
    private readonly TimeProvider _time;
    private readonly TextWriter _diagnostics;
    private readonly Dictionary<string, ChannelWorker> _workers;
    private readonly Dictionary<string, ThrottleEntry> _throttle = new(StringComparer.Ordinal);
    private readonly Lock _throttleGate = new();
    private readonly ConcurrentDictionary<string, ITimer> _escalations = new(StringComparer.Ordinal);
    private readonly Channel<Work> _intake = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _dispatcher;
    private readonly ITimer _retryTimer;
    private readonly int _processTag = Environment.ProcessId % 100;
    private int _pending;
    private long _sequence;

    /// <summary>Most queued items stored in one transaction.</summary>
    public const int MaxBatch = 512;

    /// <summary>Builds the service with already-created channels (keyed by configured name; disabled ones are ignored).</summary>
    public AlertService(AlertsConfig config, AlertStore store, IReadOnlyDictionary<string, IAlertChannel> channels, SecretRedactor redactor,
        TimeProvider? time = null, TextWriter? diagnostics = null)
    {
        _config = config;
        _store = store;
        _time = time ?? TimeProvider.System;
        _diagnostics = diagnostics ?? TextWriter.Null;
        Counters = new AlertCounters();
        _workers = config.Channels.Where(c => c.Enabled && channels.ContainsKey(c.Name))
            .ToDictionary(c => c.Name, c => new ChannelWorker(channels[c.Name], c, store, Counters, redactor, _time), StringComparer.OrdinalIgnoreCase);
        _dispatcher = Task.Run(DispatchAsync);
        if (config.ResendOnStart)
        {
            Post(new Work(WorkKind.ResendUndelivered, string.Empty, null, 0, _time.GetUtcNow(), IncludeQueued: true));
        }

        _retryTimer = _time.CreateTimer(_ => Post(new Work(WorkKind.ResendUndelivered, string.Empty, null, 0, _time.GetUtcNow(), false)),
            null, config.RetryUndeliveredEvery, config.RetryUndeliveredEvery);
    }

    private enum WorkKind
    {
        NewAlert,
        Repeat,
        Escalate,
        ResendUndelivered,
    }

    /// <summary>Counters for the metrics endpoint.</summary>
    public AlertCounters Counters { get; }

    /// <summary>The enabled channels, by name.</summary>
    public IReadOnlyCollection<string> ChannelNames => _workers.Keys;

    /// <summary>Builds every enabled channel with <paramref name="factory"/> (resolving secrets) and starts the service.</summary>
    public static AlertService Create(AlertsConfig config, AlertStore store, AlertChannelFactory factory, SecretRedactor redactor,
        TimeProvider? time = null, TextWriter? diagnostics = null)
    {
        var channels = config.Channels.Where(c => c.Enabled).ToDictionary(c => c.Name, factory.Create, StringComparer.OrdinalIgnoreCase);
        return new AlertService(config, store, channels, redactor, time, diagnostics);
    }

    /// <inheritdoc />
    public void Publish(Alert alert) => PublishAndGetId(alert);

    /// <summary>
    /// Like <see cref="Publish"/>, returning the alert id (the existing one when throttled into it), or an empty string when
    /// the history queue was full and the alert (below CRITICAL) was dropped.
    /// </summary>
    public string PublishAndGetId(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var now = _time.GetUtcNow();
        string id;
        lock (_throttleGate)
        {
            if (_throttle.TryGetValue(alert.Key, out var entry) && now < entry.WindowEnd)
            {
                // A repeat only updates a count, so it is queued even when the history queue is full.
                entry.Count++;
                Counters.CountCollapsed();
                Post(new Work(WorkKind.Repeat, entry.Id, null, entry.Count, now));
                return entry.Id;
            }

            if (_throttle.Count > 10_000)
            {
                foreach (var stale in _throttle.Where(p => p.Value.WindowEnd <= now).Select(p => p.Key).ToList())
                {
                    _throttle.Remove(stale);
                }
            }

            if (alert.Level < AlertLevel.Critical && Counters.HistoryQueued >= _config.HistoryQueueCapacity)
            {
                Counters.CountDropped(AlertLevels.Name(alert.Level));
                return string.Empty;
            }

            id = string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMddHHmmss}-{_processTag:D2}{Interlocked.Increment(ref _sequence) % 1_000_000:D6}");
            _throttle[alert.Key] = new ThrottleEntry(id, now + _config.ThrottleWindow);

            Counters.CountRaised(AlertLevels.Name(alert.Level), AlertLevels.Name(alert.Category));
            Counters.CountQueued();

            // Posted under the lock so that the history order is the publishing order.
            Post(new Work(WorkKind.NewAlert, id, alert, 1, now));
        }

        return id;
    }

    /// <summary>Acknowledges <paramref name="id"/> (stops its escalation); returns the problem or null.</summary>
    public string? Acknowledge(string id, string by)
    {
        var problem = _store.Acknowledge(id, by, _time.GetUtcNow());
        if (problem is null)
        {
            StopEscalation(id);
        }

        return problem;
    }

    /// <summary>Resolves <paramref name="id"/>: stops escalation and ends its throttling window; returns the problem or null.</summary>
    public string? Resolve(string id)
    {
        var problem = _store.Resolve(id, _time.GetUtcNow());
        if (problem is null)
        {
            StopEscalation(id);
            lock (_throttleGate)
            {
                foreach (var key in _throttle.Where(p => p.Value.Id == id).Select(p => p.Key).ToList())
                {
                    _throttle.Remove(key);
                }
            }
        }

        return problem;
    }

    /// <summary>Alerts matching <paramref name="filter"/>, newest first, with their deliveries.</summary>
    public IReadOnlyList<StoredAlert> List(AlertFilter filter) => _store.List(filter);

    /// <summary>One alert with its deliveries, or null.</summary>
    public StoredAlert? Get(string id) => _store.Get(id);

    /// <summary>Queues every failed delivery again (the timer does this every <see cref="AlertsConfig.RetryUndeliveredEvery"/>).</summary>
    public Task RetryUndeliveredAsync(CancellationToken ct)
    {
        Post(new Work(WorkKind.ResendUndelivered, string.Empty, null, 0, _time.GetUtcNow(), false));
        return FlushAsync(TimeSpan.FromSeconds(30), ct);
    }

    /// <summary>Waits until everything queued so far was stored and every channel's queue is empty (or the timeout passes).</summary>
    public async Task<bool> FlushAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Volatile.Read(ref _pending) > 0 || _workers.Values.Any(w => w.Outstanding > 0))
        {
            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            await Task.Delay(5, ct);
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _retryTimer.DisposeAsync();
        foreach (var t in _escalations.Values)
        {
            await t.DisposeAsync();
        }

        _intake.Writer.TryComplete();
        await _dispatcher;
        await Task.WhenAll(_workers.Values.Select(w => w.DisposeAsync(_config.ShutdownGrace).AsTask()));
    }

    private void Post(Work work)
    {
        Interlocked.Increment(ref _pending);
        if (!_intake.Writer.TryWrite(work))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task DispatchAsync()
    {
        var batch = new List<Work>(MaxBatch);
        while (await _intake.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _intake.Reader.TryRead(out var work))
            {
                batch.Add(work);
            }

            try
            {
                await HandleBatchAsync(batch);
            }
            finally
            {
                Interlocked.Add(ref _pending, -batch.Count);
                batch.Clear();
            }
        }
    }

    /// <summary>Stores runs of new alerts and repeats in one transaction each; escalations and resends run in between, in order.</summary>
    private async Task HandleBatchAsync(List<Work> batch)
    {
        var run = new List<Work>();
        foreach (var work in batch)
        {
            if (work.Kind is WorkKind.NewAlert or WorkKind.Repeat)
            {
                run.Add(work);
                continue;
            }

            await StoreAsync(run);
            run.Clear();
            await GuardAsync(work, work.Kind == WorkKind.Escalate ? () => Escalate(work.Id, work.Number) : () => Resend(work.IncludeQueued));
        }

        await StoreAsync(run);
    }

    private async Task StoreAsync(List<Work> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        var alerts = run.Where(w => w.Kind == WorkKind.NewAlert)
            .Select(w => new NewAlertRow(w.Id, w.Alert!, w.At, Targets(w.Alert!).Select(t => t.Name).ToList())).ToList();
        var repeats = run.Where(w => w.Kind == WorkKind.Repeat).GroupBy(w => w.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(w => w.Number)!).Select(w => (w.Id, w.Number, w.At)).ToList();
        try
        {
            _store.WriteBatch(alerts, repeats);
            Counters.CountBatch();
        }
        catch (Exception ex)
        {
            // One bad row must not cost the whole batch: store it item by item, reporting only what fails.
            await _diagnostics.WriteLineAsync($"alerts: storing a batch of {run.Count} failed ({ex.Message}); storing one by one");
            foreach (var work in run)
            {
                await GuardAsync(work, () => _store.WriteBatch(
                    work.Kind == WorkKind.NewAlert ? alerts.Where(a => a.Id == work.Id).ToList() : [],
                    work.Kind == WorkKind.Repeat ? [(work.Id, work.Number, work.At)] : []));
            }
        }

        Counters.CountStored(alerts.Count);
        var refused = new List<DeliveryRecord>();
        foreach (var a in alerts)
        {
            var notice = new AlertNotice(a.Id, a.Alert, 1, 0);
            foreach (var w in Targets(a.Alert))
            {
                if (w.Enqueue(notice, queuedRecorded: true) is { } r)
                {
                    refused.Add(r);
                }
            }

            if (a.Alert.Level >= AlertLevel.Critical && _config.Escalation.Count > 0)
            {
                ScheduleEscalation(a.Id, 0, _config.Escalation[0].After);
            }
        }

        if (refused.Count > 0)
        {
            await GuardAsync(run[0], () => _store.RecordDeliveries(refused));
        }
    }

    private IEnumerable<ChannelWorker> Targets(Alert alert) => _workers.Values.Where(w => !w.Config.EscalationOnly && alert.Level >= w.Config.MinLevel);

    private async Task GuardAsync(Work work, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            // The history is best effort from here: a database error must not stop delivery of later alerts.
            await _diagnostics.WriteLineAsync($"alerts: {work.Kind} {work.Id} failed: {ex.Message}");
        }
    }

    private void ScheduleEscalation(string id, int step, TimeSpan due)
    {
        var timer = _time.CreateTimer(_ => Post(new Work(WorkKind.Escalate, id, null, step, _time.GetUtcNow())), null, due, Timeout.InfiniteTimeSpan);
        if (_escalations.TryGetValue(id, out var previous))
        {
            previous.Dispose();
        }

        _escalations[id] = timer;
    }

    private void Escalate(string id, int step)
    {
        var stored = _store.Get(id);
        if (stored is null || stored.AcknowledgedAt is not null || stored.ResolvedAt is not null)
        {
            StopEscalation(id);
            return;
        }

        var stage = step + 1;
        _store.SetEscalationStage(id, stage);
        var notice = stored.ToNotice(stage);
        foreach (var name in _config.Escalation[step].Channels)
        {
            if (_workers.TryGetValue(name, out var w))
            {
                w.Enqueue(notice);
            }
        }

        if (step + 1 < _config.Escalation.Count)
        {
            ScheduleEscalation(id, step + 1, _config.Escalation[step + 1].After - _config.Escalation[step].After);
        }
        else
        {
            StopEscalation(id);
        }
    }

    private void StopEscalation(string id)
    {
        if (_escalations.TryRemove(id, out var timer))
        {
            timer.Dispose();
        }
    }

    private void Resend(bool includeQueued)
    {
        foreach (var (alertId, d) in _store.Undelivered())
        {
            if ((d.Status == "failed" || includeQueued) && _workers.TryGetValue(d.Channel, out var w) && _store.Get(alertId) is { } stored)
            {
                w.Enqueue(stored.ToNotice(d.Stage), d.Attempts);
            }
        }
    }

    private sealed class ThrottleEntry(string id, DateTimeOffset windowEnd)
    {
        public string Id { get; } = id;

        public DateTimeOffset WindowEnd { get; } = windowEnd;

        public int Count { get; set; } = 1;
    }

    private sealed record Work(WorkKind Kind, string Id, Alert? Alert, int Number, DateTimeOffset At, bool IncludeQueued = false);
}
