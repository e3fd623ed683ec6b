using System.Globalization;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The service's risk record: the last 50 risk events for the API, every portfolio and strategy risk event queued for
/// DuckDB <c>risk_events</c> (source kind <c>serve</c>, source <c>SESSION/portfolio</c> or <c>SESSION/STRATEGY</c>) and
/// the alert of a level raised from outside the bar loop. Call under the runtime's gate.
/// </summary>
internal sealed class ServeRiskRecorder(WorkspaceDb db, TimeProvider time, IAlertPublisher alerts, ILogger log)
{
    private readonly RiskEventWriter _writer = new(db, log);
    private readonly Dictionary<StrategySlot, int> _seen = [];
    private string _source = "serve";

    /// <summary>The last 50 events (oldest first).</summary>
    public List<RiskEventView> Events { get; } = [];

    /// <summary>Risk events stored in DuckDB so far.</summary>
    public long Stored => _writer.Written;

    /// <summary>Starts storing events under <paramref name="session"/>.</summary>
    public void Start(string session)
    {
        _source = session;
        _writer.Start();
    }

    /// <summary>Writes what is queued and stops.</summary>
    public Task StopAsync(CancellationToken ct) => _writer.StopAsync(ct);

    /// <summary>Queues the strategy risk managers' new events (rejections, resizes, their breakers) for storage.</summary>
    public void QueueRunnerRiskEvents(IEnumerable<StrategySlot> slots)
    {
        foreach (var slot in slots.Where(s => s.Runner is not null))
        {
            var events = slot.Runner!.RiskEvents;
            _seen.TryGetValue(slot, out var seen);
            for (var k = seen; k < events.Count; k++)
            {
                _writer.Enqueue($"{_source}/{slot.Id}", events[k]);
            }

            _seen[slot] = events.Count;
        }
    }

    /// <summary>
    /// Keeps the portfolio risk manager's breaker and level events for the API and queues them for DuckDB (its alerts
    /// are raised by the risk manager itself).
    /// </summary>
    public void RecordRisk(int bar, RiskLevel from, RiskUpdate update)
    {
        var source = _source + "/portfolio";
        foreach (var e in update.BreakerEvents)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"value {e.Value:0.####} vs threshold {e.Threshold:0.####}");
            AddRiskEvent(new RiskEventView(e.At, e.Tripped ? "breaker_tripped" : "breaker_reset", e.Name, detail));
            _writer.Enqueue(source, new RiskBacktestEvent(bar, e.At, e.Tripped ? RiskEventKind.BreakerTripped : RiskEventKind.BreakerReset, from, from,
                string.Create(CultureInfo.InvariantCulture, $"{e.Name} {(e.Tripped ? "tripped" : "reset")} at {e.Value:0.####} (threshold {e.Threshold:0.####})"), detail));
        }

        if (update.LevelChange is { } change)
        {
            AddRiskEvent(new RiskEventView(change.At, "level_changed", change.To.ToString().ToUpperInvariant(), $"{change.From} -> {change.To}"));
            _writer.Enqueue(source, new RiskBacktestEvent(bar, change.At, RiskEventKind.LevelChange, change.From, change.To,
                string.Join("; ", change.Trigger.Select(t => t.Name + (t.Tripped ? " tripped" : " reset"))),
                string.Join("; ", change.ActiveBreakers.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Name} {b.Value:0.####} (trigger {b.Trigger:0.####})")))));
        }
    }

    /// <summary>Raises the portfolio risk manager's level to at least <paramref name="level"/> (a component escalated; call under the gate).</summary>
    public void RaiseFloor(TradingRuntime rt, string source, RiskLevel level)
    {
        if (rt.Risk?.RaiseFloor(source, level) is { } change)
        {
            RecordLevelChange(change, $"; raised by {source}");
        }

        if (log.IsEnabled(LogLevel.Warning))
        {
            log.LogWarning("risk level floor {Level} set by {Source} at bar {Bar} of {Count}; level now {Now}", level, source, rt.BarIndex + 1, rt.Bars?.Count ?? 0, rt.Risk?.Level);
        }
    }

    /// <summary>Records a level change raised outside the bar loop and publishes its alert.</summary>
    private void RecordLevelChange(RiskLevelChanged change, string cause)
    {
        AddRiskEvent(new RiskEventView(change.At, "level_changed", change.To.ToString().ToUpperInvariant(), $"{change.From} -> {change.To}{cause}"));
        var level = change.To switch
        {
            RiskLevel.Emergency => AlertLevel.Emergency,
            RiskLevel.Critical => AlertLevel.Critical,
            RiskLevel.High => AlertLevel.Warning,
            _ => AlertLevel.Informational,
        };
        alerts.Publish(new Alert(level, AlertCategory.Trading, "risk_level", $"Risk level {change.To.ToString().ToUpperInvariant()}", $"risk level {change.From} -> {change.To}{cause}; active breakers: {string.Join(", ", change.ActiveBreakers.Select(b => b.Name))}", "risk_manager", new Dictionary<string, string>(), time.GetUtcNow()));
    }

    private void AddRiskEvent(RiskEventView e)
    {
        Events.Add(e);
        if (Events.Count > 50)
        {
            Events.RemoveAt(0);
        }
    }
}
