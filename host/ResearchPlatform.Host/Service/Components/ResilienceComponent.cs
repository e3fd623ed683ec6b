using System.Globalization;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Resilience;
using ResearchPlatform.Engine.Resilience.Disaster;
using ResearchPlatform.Engine.Resilience.Snapshots;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Service.Components;

/// <summary>
/// The <c>resilience</c> component of <c>rp serve</c>: a <see cref="ResilienceManager"/> supervising the paper replay
/// loop (<c>paper_replay</c>), the state snapshots (<c>snapshots</c>, every <c>SnapshotIntervalMs</c> and on
/// shutdown) and disaster mode (<c>venue_watch</c>, probing every strategy's venue). An escalation raises the
/// portfolio risk level; disaster mode pauses the replay, is shown on the <c>exchange</c> component and here.
/// Starts after <c>paper_engine</c> (which created the runners and restored the session) and stops before it.
/// </summary>
internal sealed class ResilienceComponent(TradingRuntime runtime, LiveTrading live, ServeSettings settings, ResilienceSettings config, TimeProvider time, IAlertPublisher alerts, ILogger<ResilienceComponent> log) : IManagedComponent, IDisposable
{
    private ResilienceManager? _manager;
    private DisasterModeController? _disaster;
    private IComponentStatusSink? _sink;
    private (int Bar, bool Finished) _lastWritten = (int.MinValue, false);

    public string Name => "resilience";

    public ComponentKind Kind => ComponentKind.Optional;

    public ComponentTier Tier => ComponentTier.Engines;

    public IReadOnlyList<SupervisedStatus> Supervised => _manager?.Statuses() ?? [];

    public DisasterStatus Disaster => _disaster?.Status ?? DisasterStatus.Normal;

    public ResilienceSettings Config => config;

    /// <summary>The last snapshot written by this process (null before the first).</summary>
    public StateSnapshot? LastSnapshot { get; private set; }

    public Task<ComponentHealth> StartAsync(IComponentStatusSink status, CancellationToken cancellationToken)
    {
        var problems = config.Validate();
        if (problems.Count > 0)
        {
            return Task.FromResult(ComponentHealth.Failed(string.Join("; ", problems)));
        }

        _sink = status;
        if (settings.Live is not null)
        {
            return Task.FromResult(StartLive());
        }

        if (!runtime.ReplayReady)
        {
            return Task.FromResult(ComponentHealth.Connected with { Reason = "idle: no paper replay to supervise" });
        }

        _manager = new ResilienceManager(config.Supervision, time, alerts, (e, ct) => runtime.RaiseRiskFloorAsync("resilience:" + e.Component, config.Supervision.EscalationRiskLevel, ct));
        _disaster = new DisasterModeController("venue_watch", Targets, config.Disaster, time, alerts, runtime.UnderGateAsync);
        _manager.StatusChanged += OnStatus;
        _disaster.Changed += OnDisaster;
        runtime.Paused = () => _disaster.Engaged;
        if (config.VenueOutage is { } outage)
        {
            runtime.BeforeBar = bar => StartOutage(bar, outage.Bar, outage.Duration);
        }

        _manager.Add(Faulty(new SupervisedTask("paper_replay", runtime.RunReplayAsync)));
        _manager.Add(Faulty(new SupervisedTask("snapshots", SnapshotLoopAsync)));
        _manager.Add(Faulty(_disaster));
        _manager.Start();
        return Task.FromResult(Health());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_manager is null)
        {
            return;
        }

        await _manager.StopAsync(cancellationToken);
        if (settings.Live is not null)
        {
            return; // live mode: the journals are the state (no snapshot)
        }

        await WriteSnapshotAsync("shutdown", force: true, cancellationToken);
        if (log.IsEnabled(LogLevel.Information) && LastSnapshot is { } s)
        {
            log.LogInformation("state snapshot written on shutdown: session {Session}, bar {Bar}", s.Session, s.Bar);
        }
    }

    public void Dispose() => _manager?.Dispose();

    /// <summary>
    /// Live mode: disaster mode (<c>venue_watch</c>) probes the venue through the adapter (an open-orders query) while
    /// the live loop trades; a failure of the loop (a venue stream) engages it too. Engaging stops the loop, refuses new
    /// orders and cancels what the venue still takes; recovery reconciles by cloid and starts the loop again.
    /// </summary>
    private ComponentHealth StartLive()
    {
        _manager = new ResilienceManager(config.Supervision, time, alerts, (e, ct) => runtime.RaiseRiskFloorAsync("resilience:" + e.Component, config.Supervision.EscalationRiskLevel, ct));
        var disaster = _disaster = new DisasterModeController("venue_watch", live.DisasterTargets, config.Disaster, time, alerts, live.SerializeAsync);
        live.Suspended = () => disaster.Engaged;
        live.LoopFailed = error => disaster.ReportFailureAsync(error, CancellationToken.None);
        _manager.StatusChanged += OnStatus;
        _disaster.Changed += OnDisaster;
        _manager.Add(Faulty(_disaster));
        _manager.Start();
        return Health();
    }

    private IReadOnlyList<DisasterTarget> Targets() =>
        [.. runtime.Slots.Where(s => s.Runner is not null).Select(s => new DisasterTarget(s.Id, s.Runner!.Venue, s.Runner.Manager, s.Runner.Venue.PingAsync))];

    private async Task SnapshotLoopAsync(CancellationToken ct)
    {
        while (true)
        {
            await Task.Delay(config.SnapshotInterval, time, ct);
            await WriteSnapshotAsync("interval", force: false, ct);
        }
    }

    private async Task WriteSnapshotAsync(string reason, bool force, CancellationToken ct)
    {
        await runtime.UnderGateAsync(
            () =>
            {
                var key = (runtime.BarIndex, runtime.Finished);
                if (runtime.Restoring || (!force && key == _lastWritten))
                {
                    return Task.CompletedTask; // a restoring session keeps the snapshot it restores from
                }

                var snapshot = ServeSnapshots.Capture(runtime, runtime.Finished && reason == "interval" ? "finished" : reason, time.GetUtcNow());
                new SnapshotStore(settings.SnapshotPath).Write(snapshot);
                LastSnapshot = snapshot;
                _lastWritten = key;
                return Task.CompletedTask;
            },
            ct);
    }

    private ISupervisedComponent Faulty(ISupervisedComponent component) =>
        string.Equals(config.FaultComponent, component.Name, StringComparison.Ordinal)
            ? new SupervisedTask(component.Name, _ => throw new InvalidOperationException($"injected fault in {component.Name} (RP_TEST_FAULT_COMPONENT)"))
            : component;

    private void StartOutage(int bar, int outageBar, TimeSpan duration)
    {
        if (bar != outageBar)
        {
            return;
        }

        SetUnreachable(true);
        log.LogWarning("test outage: every simulated venue unreachable for {Ms} ms from bar {Bar} (RP_TEST_VENUE_OUTAGE)", duration.TotalMilliseconds, bar);
        _ = Task.Run(async () =>
        {
            // the outage lasts its duration and at least until disaster mode noticed it (at most 30 s more)
            await Task.Delay(duration, time);
            for (var waited = 0; _disaster?.Engaged != true && waited < 1500; waited++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), time);
            }

            SetUnreachable(false);
        });
    }

    private void SetUnreachable(bool unreachable)
    {
        foreach (var slot in runtime.Slots.Where(s => s.Runner is not null))
        {
            slot.Runner!.Venue.Unreachable = unreachable;
        }
    }

    private void OnStatus(SupervisedStatus s)
    {
        if (s.State is SupervisionState.Restarting or SupervisionState.Escalated && log.IsEnabled(LogLevel.Warning))
        {
            log.LogWarning("supervised {Component} {State} (restarts {Restarts}): {Error}", s.Name, s.StateName, s.Restarts, s.LastError);
        }

        _sink?.Report(Name, Health());
    }

    private void OnDisaster(DisasterStatus s)
    {
        if (log.IsEnabled(LogLevel.Warning))
        {
            log.LogWarning("disaster mode {State}: {Status}", s.Engaged ? "ENGAGED" : "ended", s.Describe());
        }

        var venue = settings.Live is { } v ? $"{v.Exchange} {v.Network} {v.Url}, signer {v.Signer}" : "simulated venue (paper mode)";
        _sink?.Report("exchange", s.Engaged ? ComponentHealth.Failed("DISASTER MODE: " + s.Describe()) : ComponentHealth.Connected with { Reason = venue + "; " + s.Describe() });
        _sink?.Report(Name, Health());
    }

    private ComponentHealth Health()
    {
        var statuses = Supervised;
        var text = string.Join(", ", statuses.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.StateName} ({s.Restarts} restarts)")));
        var disaster = Disaster;
        var reason = $"{text}; disaster mode {(disaster.Engaged ? "ENGAGED" : "off")}";
        return disaster.Engaged ? ComponentHealth.Failed(reason)
            : statuses.Any(s => s.State is SupervisionState.Escalated or SupervisionState.Restarting) ? ComponentHealth.Degraded(reason)
            : ComponentHealth.Connected with { Reason = reason };
    }
}
