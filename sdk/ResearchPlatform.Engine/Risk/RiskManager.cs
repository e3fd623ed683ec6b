using ResearchPlatform.Engine.Risk.Breakers;
using ResearchPlatform.Engine.Risk.Events;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk;

/// <summary>
/// The risk manager for one portfolio: metrics, circuit breakers, risk level and pre-trade checks. A bar-by-bar loop
/// (backtest, replay, paper, live alike) calls <see cref="OnBar"/> after marking positions, <see cref="OnFill"/> and
/// <see cref="OnTradeClosed"/> as fills arrive, and <see cref="EvaluateTradeRisk"/> before each order. Time comes only
/// from the injected <see cref="TimeProvider"/>. Not thread-safe: one instance per portfolio loop.
/// </summary>
internal sealed class RiskManager
{
    private readonly TimeProvider _time;
    private readonly CircuitBreaker[] _breakers;
    private readonly RiskMetricsTracker _tracker;
    private readonly List<RiskLevelChanged> _levelChanges = [];
    private readonly Dictionary<string, RiskLevel> _floors = new(StringComparer.Ordinal);

    public RiskManager(RiskGenome genome, TimeProvider time, RiskManagerOptions? options = null)
        : this(genome, time, CircuitBreakerRules.Create(genome), options)
    {
    }

    public RiskManager(RiskGenome genome, TimeProvider time, IEnumerable<CircuitBreakerRule> rules, RiskManagerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(genome);
        ArgumentNullException.ThrowIfNull(time);
        Genome = genome;
        _time = time;
        _breakers = rules.Select(r => new CircuitBreaker(r)).ToArray();
        _tracker = new RiskMetricsTracker(options ?? RiskManagerOptions.Default);
    }

    public RiskGenome Genome { get; }

    /// <summary>Where breaker trips and level changes are raised as alerts (none by default).</summary>
    public IAlertPublisher Alerts { get; init; } = NullAlertPublisher.Instance;

    /// <summary>What this manager guards, in alert keys and titles (e.g. the portfolio or symbol).</summary>
    public string AlertScope { get; init; } = "portfolio";

    public RiskLevel Level { get; private set; } = RiskLevel.Low;

    /// <summary>Every level change so far, oldest first.</summary>
    public IReadOnlyList<RiskLevelChanged> LevelChanges => _levelChanges;

    /// <summary>The breakers currently active.</summary>
    public IReadOnlyList<ActiveBreaker> ActiveBreakers() => _breakers.Where(b => b.IsActive).Select(b => b.ToActive()).ToList();

    internal bool IsActive(string breaker)
    {
        foreach (var b in _breakers)
        {
            if (b.IsActive && string.Equals(b.Rule.Name, breaker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Updates metrics, breakers and level after a bar. <paramref name="assetReturns"/>: each asset's return over the bar.</summary>
    public RiskUpdate OnBar(PortfolioSnapshot portfolio, MarketState market, IReadOnlyDictionary<string, double>? assetReturns = null)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(market);
        var now = _time.GetUtcNow();
        _tracker.OnBar(portfolio, assetReturns, now);
        var metrics = _tracker.Compute(portfolio, now);
        var events = new List<BreakerEvent>();
        foreach (var b in _breakers)
        {
            if (b.Update(b.Rule.Metric(metrics, market), now) is { } e)
            {
                events.Add(e);
                if (!e.Tripped && b.Rule.Name is CircuitBreakerRules.ConsecutiveLosses or CircuitBreakerRules.RapidLoss)
                {
                    _tracker.ClearLossStreak();
                }
            }
        }

        var change = ApplyLevel(events, now);
        if (events.Count > 0 && !ReferenceEquals(Alerts, NullAlertPublisher.Instance))
        {
            Publish(events, change);
        }

        return new RiskUpdate(Level, metrics, events, change);
    }

    /// <summary>Records a fill for the trade-rate limit.</summary>
    public void OnFill() => _tracker.OnFill(_time.GetUtcNow());

    /// <summary>Records a closed trade's realised PnL for the losing-streak breakers.</summary>
    public void OnTradeClosed(double realizedPnl, double equity) => _tracker.OnTradeClosed(realizedPnl, equity);

    /// <summary>The current metrics for <paramref name="portfolio"/> without changing any breaker.</summary>
    public RiskMetrics Metrics(PortfolioSnapshot portfolio) => _tracker.Compute(portfolio, _time.GetUtcNow());

    /// <summary>Manually resets a breaker (operator decision); returns the level change it caused, if any.</summary>
    public RiskLevelChanged? ResetBreaker(string name)
    {
        var now = _time.GetUtcNow();
        var breaker = _breakers.FirstOrDefault(b => b.Rule.Name == name)
            ?? throw new ArgumentException($"unknown breaker '{name}'", nameof(name));
        var change = breaker.ForceReset(now) is { } e ? ApplyLevel([e], now) : null;
        if (change is not null)
        {
            Alerts.Publish(RiskAlerts.LevelChange(change, AlertScope));
        }

        return change;
    }

    /// <summary>
    /// Raises the level to at least <paramref name="level"/> for as long as <paramref name="source"/> holds it (e.g. the
    /// resilience manager after an escalation); the level is the highest of the breakers' level and every floor.
    /// Returns the level change it caused, if any.
    /// </summary>
    public RiskLevelChanged? RaiseFloor(string source, RiskLevel level)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        _floors[source] = level;
        return ApplyFloorChange();
    }

    /// <summary>Releases the floor <paramref name="source"/> held; returns the level change it caused, if any.</summary>
    public RiskLevelChanged? ReleaseFloor(string source) => _floors.Remove(source) ? ApplyFloorChange() : null;

    /// <summary>The floors currently held, by source.</summary>
    public IReadOnlyDictionary<string, RiskLevel> Floors => _floors;

    /// <summary>Approve, resize or reject one order under the current level, limits and trade rate.</summary>
    public TradeRiskVerdict EvaluateTradeRisk(OrderIntent order, TradeRiskContext context)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(context);
        var trades = _tracker.TradesLastHour(_time.GetUtcNow());
        var rateBlocked = trades >= Genome.MaxTradesPerHour || IsActive(CircuitBreakerRules.TradeRate);
        return TradeRiskEvaluator.Evaluate(order, context, Genome, Level, trades, rateBlocked);
    }

    private RiskLevelChanged? ApplyFloorChange()
    {
        var change = ApplyLevel([], _time.GetUtcNow());
        if (change is not null)
        {
            Alerts.Publish(RiskAlerts.LevelChange(change, AlertScope));
        }

        return change;
    }

    private void Publish(List<BreakerEvent> events, RiskLevelChanged? change)
    {
        foreach (var e in events)
        {
            if (e.Tripped)
            {
                Alerts.Publish(RiskAlerts.Trip(e, Level, AlertScope));
            }
        }

        if (change is not null)
        {
            Alerts.Publish(RiskAlerts.LevelChange(change, AlertScope));
        }
    }

    private RiskLevelChanged? ApplyLevel(IReadOnlyList<BreakerEvent> events, DateTimeOffset now)
    {
        var level = RiskLevelPolicy.Derive(_breakers.Where(b => b.IsActive).Select(b => b.Rule.Severity));
        foreach (var floor in _floors.Values)
        {
            level = floor > level ? floor : level;
        }

        if (level == Level)
        {
            return null;
        }

        var change = new RiskLevelChanged(now, Level, level, ActiveBreakers(), events, RiskLevelPolicy.Actions(level));
        Level = level;
        _levelChanges.Add(change);
        return change;
    }
}
