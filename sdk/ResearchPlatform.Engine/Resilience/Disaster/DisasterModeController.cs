using System.Globalization;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Resilience.Disaster;

/// <summary>
/// Disaster mode: probes every venue (open orders query, bounded by a timeout). When a venue stays unreachable beyond
/// the limit (<see cref="DisasterModeOptions"/>) it engages: every order manager refuses new orders with the reason,
/// every open order is cancelled where the venue still takes it, and an EMERGENCY alert is raised. While engaged the
/// probes continue; the first success reconciles every order manager with its venue (missed fills, order states),
/// compares positions, lets new orders through again and raises an INFORMATIONAL alert. Runs as a supervised
/// component (<see cref="RunAsync"/>). <paramref name="serialize"/> runs an action under the caller's trading lock
/// (order managers are not thread-safe against the trading loop); the targets an engage or recovery acts on are read
/// inside it (the caller may replace its order managers between a probe and the action).
/// </summary>
internal sealed class DisasterModeController(
    string name,
    Func<IReadOnlyList<DisasterTarget>> targets,
    DisasterModeOptions options,
    TimeProvider time,
    IAlertPublisher alerts,
    Func<Func<Task>, CancellationToken, Task>? serialize = null) : ISupervisedComponent
{
    private readonly Lock _lock = new();
    private DisasterStatus _status = DisasterStatus.Normal;

    public string Name => name;

    public DisasterStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    public bool Engaged => Status.Engaged;

    /// <summary>Raised when the mode engages or recovers.</summary>
    public event Action<DisasterStatus>? Changed;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await ProbeOnceAsync(cancellationToken);
            await Task.Delay(options.ProbeInterval, time, cancellationToken);
        }
    }

    /// <summary>Probes every venue once, then engages or recovers as needed; returns the status after.</summary>
    public async Task<DisasterStatus> ProbeOnceAsync(CancellationToken cancellationToken)
    {
        var list = targets();
        string? error = null;
        foreach (var t in list)
        {
            error ??= await ProbeAsync(t, cancellationToken);
        }

        var now = time.GetUtcNow();
        if (error is not null)
        {
            DisasterStatus s;
            lock (_lock)
            {
                s = _status = _status with
                {
                    ConsecutiveFailures = _status.ConsecutiveFailures + 1,
                    UnreachableSince = _status.UnreachableSince ?? now,
                    LastError = error,
                };
            }

            if (!s.Engaged && (s.ConsecutiveFailures >= options.FailureLimit || now - s.UnreachableSince >= options.UnreachableAfter))
            {
                await Serialized(() => Status.Engaged ? Task.CompletedTask : EngageAsync(targets(), now, cancellationToken), cancellationToken);
            }
        }
        else if (Status.Engaged)
        {
            await Serialized(() => RecoverAsync(targets(), cancellationToken), cancellationToken);
        }
        else
        {
            lock (_lock)
            {
                _status = _status with { ConsecutiveFailures = 0, UnreachableSince = null };
            }
        }

        return Status;
    }

    /// <summary>
    /// A failure seen outside the probes (e.g. the venue's stream failed): engages at once unless engaged already; the
    /// next successful probe recovers as usual.
    /// </summary>
    public async Task ReportFailureAsync(string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _status = _status with { ConsecutiveFailures = _status.ConsecutiveFailures + 1, UnreachableSince = _status.UnreachableSince ?? now, LastError = error };
        }

        await Serialized(() => Status.Engaged ? Task.CompletedTask : EngageAsync(targets(), now, cancellationToken), cancellationToken);
    }

    private async Task<string?> ProbeAsync(DisasterTarget target, CancellationToken ct)
    {
        var venue = target.Venue;
        try
        {
            var probe = target.Probe is { } p ? p(ct).AsTask() : venue.GetOpenOrdersAsync(null, ct).AsTask();
            await probe.WaitAsync(options.ProbeTimeout, time, ct);
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{venue.VenueId}: no answer within {options.ProbeTimeout.TotalMilliseconds:0} ms");
        }
        catch (Exception ex)
        {
            return $"{venue.VenueId}: {ex.GetType().Name}: {ex.Message}";
        }
    }

    private async Task EngageAsync(IReadOnlyList<DisasterTarget> list, DateTimeOffset now, CancellationToken ct)
    {
        var s = Status;
        var reason = string.Create(CultureInfo.InvariantCulture, $"disaster mode: venue unreachable since {s.UnreachableSince:yyyy-MM-ddTHH:mm:ssZ} ({s.ConsecutiveFailures} failed probes, last: {s.LastError})");
        foreach (var t in list)
        {
            t.Manager.SuspendNewOrders(reason);
        }

        var cancelled = 0;
        var notCancelled = 0;
        foreach (var t in list)
        {
            foreach (var o in t.Manager.Orders.Where(o => !o.IsTerminal).ToList())
            {
                var ok = await TryCancelAsync(t.Manager, o.ClientOrderId, ct);
                cancelled += ok ? 1 : 0;
                notCancelled += ok ? 0 : 1;
            }
        }

        lock (_lock)
        {
            s = _status = _status with { Engaged = true, Engagements = _status.Engagements + 1, EngagedAt = now, CancelledOnEngage = cancelled, NotCancelledOnEngage = notCancelled };
        }

        Publish(AlertLevel.Emergency, "Disaster mode: venue unreachable", $"{reason}; new orders refused; {cancelled} open orders cancelled, {notCancelled} could not be cancelled (left for reconciliation)", s, now);
        Changed?.Invoke(s);
    }

    private async Task RecoverAsync(IReadOnlyList<DisasterTarget> list, CancellationToken ct)
    {
        var reconciled = 0;
        var discrepancies = 0;
        try
        {
            foreach (var t in list)
            {
                reconciled += await t.Manager.ReconcileAsync(ct);
                discrepancies += (await t.Manager.CheckPositionsAsync(forceSync: false, ct)).Count;
            }
        }
        catch (ExchangeException ex)
        {
            lock (_lock)
            {
                _status = _status with { ConsecutiveFailures = _status.ConsecutiveFailures + 1, LastError = "reconciliation: " + ex.Message };
            }

            return; // still flapping: stay engaged, the next probe tries again
        }

        foreach (var t in list)
        {
            t.Manager.ResumeNewOrders();
        }

        var now = time.GetUtcNow();
        DisasterStatus s;
        lock (_lock)
        {
            s = _status = _status with
            {
                Engaged = false, ConsecutiveFailures = 0, UnreachableSince = null, RecoveredAt = now,
                ReconciledOnRecovery = reconciled, PositionDiscrepancies = discrepancies,
            };
        }

        Publish(AlertLevel.Informational, "Disaster mode ended: venue reachable", string.Create(CultureInfo.InvariantCulture, $"venue reachable again after {(now - s.EngagedAt)?.TotalSeconds:0.0} s; {reconciled} open orders reconciled, {discrepancies} position discrepancies; trading resumed"), s, now);
        Changed?.Invoke(s);
    }

    private static async Task<bool> TryCancelAsync(OrderManager manager, string clientOrderId, CancellationToken ct)
    {
        try
        {
            return await manager.CancelAsync(clientOrderId, ct);
        }
        catch (ExchangeException)
        {
            return false;
        }
    }

    private Task Serialized(Func<Task> action, CancellationToken ct) => serialize is null ? action() : serialize(action, ct);

    private void Publish(AlertLevel level, string title, string body, DisasterStatus s, DateTimeOffset at)
    {
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["engaged"] = s.Engaged ? "true" : "false",
            ["engagements"] = s.Engagements.ToString(CultureInfo.InvariantCulture),
            ["last_error"] = s.LastError ?? string.Empty,
        };
        alerts.Publish(new Alert(level, AlertCategory.Trading, "disaster_mode:" + name + (s.Engaged ? ":engaged" : ":ended"), title, body, name, context, at));
    }
}
