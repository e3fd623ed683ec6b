using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Data.FearGreed;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Risk.Sizing;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The service's trading state: the replayed bars, the strategy pool, one paper runner per strategy (signal -> sizer ->
/// risk -> order manager -> simulated venue, journal on disk), a portfolio-level risk manager, the equity curve and the
/// risk events (also stored in DuckDB <c>risk_events</c>, source kind <c>serve</c>), and the market regime at each bar
/// (realised volatility, lagged Fear &amp; Greed) that the risk managers see. The replay loop advances every running strategy bar by bar under <see cref="Gate"/>; API reads take
/// the same gate, so they see a consistent bar.
/// </summary>
internal sealed class TradingRuntime(ServeSettings settings, WorkspaceDb db, TimeProvider time, IAlertPublisher alerts, ILogger<TradingRuntime> log) : IDisposable
{
    private readonly List<StrategySlot> _slots = [];
    private readonly RiskEventWriter _riskWriter = new(db, log);
    private readonly Dictionary<StrategySlot, int> _riskEventsSeen = [];
    private string _riskSource = "serve";
    private CancellationTokenSource? _loopCts;
    private Task? _loop;

    public ServeSettings Settings => settings;

    /// <summary>Held while a bar is processed and while a reader builds a view.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public BarSeries? Bars { get; private set; }

    public IReadOnlyList<StrategySlot> Slots => _slots;

    public RiskManager? Risk { get; private set; }

    public PositionSizer? Sizer { get; private set; }

    public SimulatedClock Clock { get; private set; } = new(time.GetUtcNow());

    public List<(DateTimeOffset T, double Equity)> Curve { get; } = [];

    public double Peak { get; private set; }

    public double MaxDrawdownPct { get; private set; }

    public double DayStartEquity { get; private set; }

    public int BarIndex { get; private set; } = -1;

    public List<RiskEventView> RiskEvents { get; } = [];

    public FearGreedView? FearGreed { get; set; }

    /// <summary>The regime detector's state at each replayed bar's close (null without replay data).</summary>
    public IReadOnlyList<RegimeSnapshot>? Regimes { get; private set; }

    /// <summary>Fear &amp; Greed days the regimes were computed with.</summary>
    public int FearGreedDays { get; private set; }

    /// <summary>The portfolio risk manager's metrics after the last bar.</summary>
    public RiskMetrics? LastRiskMetrics { get; private set; }

    /// <summary>Risk events stored in DuckDB so far.</summary>
    public long RiskEventsStored => _riskWriter.Written;

    public bool Finished { get; private set; }

    public string? HaltReason { get; private set; }

    /// <summary>Raised after each replayed bar, outside the gate (decisions, order events).</summary>
    public event Action<int, IReadOnlyList<(StrategySlot Slot, string ClientOrderId)>>? BarProcessed;

    public double InitialEquity => (double)settings.CashPerStrategy * Math.Max(1, _slots.Count);

    public async Task<ComponentHealth> LoadMarketDataAsync(CancellationToken ct)
    {
        if (settings.ReplaySymbol is null)
        {
            return ComponentHealth.Connected with { Reason = "no --replay symbol: no market data feed" };
        }

        if (!BarInterval.TryParse(settings.ReplayInterval, out var interval, out var why))
        {
            return ComponentHealth.Failed($"interval '{settings.ReplayInterval}': {why}");
        }

        if (!db.Exists)
        {
            return ComponentHealth.Failed($"no workspace database at {db.Path}: import bars first (rp data import FILE --symbol {settings.ReplaySymbol})");
        }

        var bars = await db.UseAsync(d => new BarStore(d).Load(settings.ReplaySymbol, interval), ct);
        if (bars.Count < 2)
        {
            return ComponentHealth.Failed($"{bars.Count} stored bars for {settings.ReplaySymbol} {interval.Code}: import them first (rp data import FILE --symbol {settings.ReplaySymbol} --interval {interval.Code})");
        }

        var sentiment = await db.UseAsync(d => new FearGreedStore(d).Load(), ct);
        var history = sentiment.Count == 0 ? null : new FearGreedHistory(sentiment.Select(p => new Engine.Risk.Regime.FearGreedPoint(p.Date, p.Value)));
        Regimes = BacktestMarketStates.Regimes(bars, history);
        FearGreedDays = sentiment.Count;
        Bars = bars;
        Clock = new SimulatedClock(bars.TimeAt(0));
        return ComponentHealth.Connected with { Reason = string.Create(CultureInfo.InvariantCulture, $"{bars.Count} bars {bars.Symbol} {interval.Code} from {bars.TimeAt(0):yyyy-MM-dd}") };
    }

    public ComponentHealth InitRisk(RiskGenome genome)
    {
        Risk = new RiskManager(genome, Clock) { Alerts = alerts, AlertScope = "portfolio" };
        return ComponentHealth.Connected;
    }

    public ComponentHealth InitSizer(RiskGenome genome)
    {
        Sizer = new PositionSizer(genome);
        return ComponentHealth.Connected;
    }

    /// <summary>Checks the journal folder is writable (each strategy's order journal lives there).</summary>
    public ComponentHealth PrepareJournals()
    {
        Directory.CreateDirectory(settings.JournalFolder);
        var probe = Path.Combine(settings.JournalFolder, ".probe");
        File.WriteAllText(probe, "ok");
        File.Delete(probe);
        return ComponentHealth.Connected with { Reason = "journal folder " + settings.JournalFolder };
    }

    /// <summary>One strategy per seed type with its default genes.</summary>
    public ComponentHealth LoadStrategies(IReadOnlyList<(ISeedType Seed, string Source)> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        _slots.Clear();
        foreach (var (seed, source) in seeds)
        {
            _slots.Add(new StrategySlot(new PaperStrategy(seed.Id + "-default", seed, [.. seed.Genes.Select(g => g.Default)]), source));
        }

        return _slots.Count == 0
            ? ComponentHealth.Failed("no seed types loaded: check the plugins folder (rp plugins list)")
            : ComponentHealth.Connected with { Reason = $"{_slots.Count} strategies" };
    }

    /// <summary>Creates the runners and starts the background replay.</summary>
    public async Task<ComponentHealth> StartReplayAsync(CancellationToken ct)
    {
        if (Bars is null)
        {
            return ComponentHealth.Connected with { Reason = "idle: no replay data" };
        }

        if (_slots.Count == 0)
        {
            return ComponentHealth.Failed("no strategies to run");
        }

        var market = Regimes?.Select(r => new MarketState(r.VolatilityPercentile, r.FearGreed, r.Regime)).ToArray();
        var options = new PaperOptions { InitialCash = settings.CashPerStrategy, Risk = new RiskGenome(), Alerts = alerts, Market = market };
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        _riskSource = stamp;
        _riskWriter.Start();
        for (var s = 0; s < _slots.Count; s++)
        {
            var slot = _slots[s];
            var file = new FileOrderJournal(Path.Combine(settings.JournalFolder, $"{stamp}-{slot.Id}.jsonl"), fsync: false);
            slot.Journal = new CapturingJournal(file, slot.Id);
            slot.Runner = await PaperStrategyRunner.CreateAsync(slot.Strategy, Bars, options, slot.Journal, string.Create(CultureInfo.InvariantCulture, $"S{s + 1}"), ct);
        }

        Peak = DayStartEquity = InitialEquity;
        _loopCts = new CancellationTokenSource();
        var token = _loopCts.Token;
        _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
        var pace = settings.ReplaySpeed is { } m ? $"{m.ToString(CultureInfo.InvariantCulture)}x real time" : "max speed";
        return ComponentHealth.Connected with { Reason = $"replaying {Bars.Count} bars at {pace}" };
    }

    /// <summary>Stops the replay loop and flushes and closes every journal.</summary>
    public async Task StopReplayAsync(CancellationToken ct)
    {
        if (_loopCts is not null)
        {
            await _loopCts.CancelAsync();
        }

        if (_loop is not null)
        {
            try
            {
                await _loop.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _riskWriter.StopAsync(ct);
        await Gate.WaitAsync(ct);
        try
        {
            foreach (var slot in _slots.Where(s => s.Journal is not null))
            {
                slot.Journal!.Dispose();
                if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("order journal flushed: {Strategy} ({Entries} entries)", slot.Id, slot.Journal.Entries);
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Emergency stop: cancels every working order and halts the replay (no new orders).</summary>
    public async Task<int> HaltAsync(string reason, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            HaltReason = reason;
            var cancelled = 0;
            foreach (var slot in _slots.Where(s => s.Runner is not null))
            {
                foreach (var order in slot.Runner!.Manager.Orders.Where(o => !o.IsTerminal).ToList())
                {
                    cancelled += await slot.Runner.Manager.CancelAsync(order.ClientOrderId, ct) ? 1 : 0;
                }
            }

            return cancelled;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts or stops feeding bars to one strategy; false when the id is unknown.</summary>
    public bool SetRunning(string id, bool running)
    {
        var slot = _slots.Find(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        if (slot is null)
        {
            return false;
        }

        slot.Running = running;
        return true;
    }

    public void Dispose()
    {
        _loopCts?.Dispose();
        Gate.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var bars = Bars!;
        var pace = settings.ReplaySpeed is { } m ? bars.Interval.Duration / m : TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < bars.Count && HaltReason is null; i++)
            {
                var due = pace * (i + 1);
                if (pace > TimeSpan.Zero && due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, ct);
                }
                else if ((i & 255) == 0)
                {
                    await Task.Yield();
                }

                List<(StrategySlot, string)> touched;
                await Gate.WaitAsync(ct);
                try
                {
                    if (HaltReason is not null)
                    {
                        break;
                    }

                    await StepAsync(i, ct);
                    touched = [.. _slots.Where(s => s.Journal is not null).SelectMany(s => s.Journal!.DrainTouched().Select(id => (s, id)))];
                }
                finally
                {
                    Gate.Release();
                }

                BarProcessed?.Invoke(i, touched);
            }

            Finished = HaltReason is null;
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("replay {State} at bar {Bar} of {Count}", Finished ? "finished" : "halted", BarIndex + 1, bars.Count);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            log.LogError(ex, "replay failed at bar {Bar}", BarIndex + 1);
            alerts.Publish(new Alert(AlertLevel.Critical, AlertCategory.Trading, "paper_engine:failed", "Paper replay failed", ex.Message, "paper_engine", new Dictionary<string, string>(), time.GetUtcNow()));
        }
    }

    private async Task StepAsync(int i, CancellationToken ct)
    {
        var bars = Bars!;
        foreach (var slot in _slots.Where(s => s.Running && s.Runner is not null))
        {
            await slot.Runner!.OnBarAsync(i, ct);
        }

        var close = bars.Close[i];
        var closeTime = bars.TimeAt(i) + bars.Interval.Duration;
        var total = 0.0;
        var quantity = 0.0;
        var sleeves = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var slot in _slots)
        {
            var p = slot.Runner?.Manager.Positions.Snapshot(bars.Symbol, (decimal)close);
            var equity = (double)settings.CashPerStrategy + (double)(p?.NetPnl ?? 0m);
            var before = slot.Equity.Count > 0 ? slot.Equity[^1] : (double)settings.CashPerStrategy;
            sleeves[slot.Id] = before > 0 ? equity / before - 1 : 0;
            slot.Equity.Add(equity);
            total += equity;
            quantity += (double)(p?.Quantity ?? 0m);
        }

        if (Curve.Count > 0 && Curve[^1].T.UtcDateTime.Date != closeTime.UtcDateTime.Date)
        {
            DayStartEquity = Curve[^1].Equity;
        }

        Curve.Add((closeTime, total));
        Peak = Math.Max(Peak, total);
        MaxDrawdownPct = Math.Max(MaxDrawdownPct, Peak > 0 ? (Peak - total) / Peak * 100 : 0);
        BarIndex = i;
        Clock.AdvanceTo(closeTime);
        if (Risk is not null)
        {
            var from = Risk.Level;
            var update = Risk.OnBar(new PortfolioSnapshot(total, quantity == 0 ? [] : [new Engine.Risk.PositionSnapshot(bars.Symbol, quantity, close)]), MarketAt(i), sleeves);
            LastRiskMetrics = update.Metrics;
            RecordRisk(i, from, update);
        }

        QueueRunnerRiskEvents();
    }

    /// <summary>The market state the risk managers see at bar <paramref name="i"/>'s close.</summary>
    private MarketState MarketAt(int i) =>
        Regimes is { } r && i < r.Count ? new MarketState(r[i].VolatilityPercentile, r[i].FearGreed, r[i].Regime) : MarketState.Unknown;

    /// <summary>Queues the strategy risk managers' new events (rejections, resizes, their breakers) for storage.</summary>
    private void QueueRunnerRiskEvents()
    {
        foreach (var slot in _slots.Where(s => s.Runner is not null))
        {
            var events = slot.Runner!.RiskEvents;
            _riskEventsSeen.TryGetValue(slot, out var seen);
            for (var k = seen; k < events.Count; k++)
            {
                _riskWriter.Enqueue($"{_riskSource}/{slot.Id}", events[k]);
            }

            _riskEventsSeen[slot] = events.Count;
        }
    }

    /// <summary>
    /// Keeps the portfolio risk manager's breaker and level events for the API and queues them for DuckDB (its alerts
    /// are raised by the risk manager itself).
    /// </summary>
    private void RecordRisk(int bar, RiskLevel from, RiskUpdate update)
    {
        var source = _riskSource + "/portfolio";
        foreach (var e in update.BreakerEvents)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"value {e.Value:0.####} vs threshold {e.Threshold:0.####}");
            AddRiskEvent(new RiskEventView(e.At, e.Tripped ? "breaker_tripped" : "breaker_reset", e.Name, detail));
            _riskWriter.Enqueue(source, new RiskBacktestEvent(bar, e.At, e.Tripped ? RiskEventKind.BreakerTripped : RiskEventKind.BreakerReset, from, from,
                string.Create(CultureInfo.InvariantCulture, $"{e.Name} {(e.Tripped ? "tripped" : "reset")} at {e.Value:0.####} (threshold {e.Threshold:0.####})"), detail));
        }

        if (update.LevelChange is { } change)
        {
            AddRiskEvent(new RiskEventView(change.At, "level_changed", change.To.ToString().ToUpperInvariant(), $"{change.From} -> {change.To}"));
            _riskWriter.Enqueue(source, new RiskBacktestEvent(bar, change.At, RiskEventKind.LevelChange, change.From, change.To,
                string.Join("; ", change.Trigger.Select(t => t.Name + (t.Tripped ? " tripped" : " reset"))),
                string.Join("; ", change.ActiveBreakers.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Name} {b.Value:0.####} (trigger {b.Trigger:0.####})")))));
        }
    }

    private void AddRiskEvent(RiskEventView e)
    {
        RiskEvents.Add(e);
        if (RiskEvents.Count > 50)
        {
            RiskEvents.RemoveAt(0);
        }
    }
}
