using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Data.FearGreed;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Resilience.Snapshots;
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
/// risk -> order manager -> simulated venue, journal on disk), a portfolio-level risk manager, the equity curve, the
/// risk record (<see cref="ServeRiskRecorder"/>), the operator controls (<see cref="ServeControls"/>), the restore
/// (<see cref="ServeRestore"/>) and the market regime at each bar. The replay loop advances every running strategy bar
/// by bar under <see cref="Gate"/>; API reads take the same gate, so they see a consistent bar.
/// </summary>
internal sealed class TradingRuntime(ServeSettings settings, WorkspaceDb db, TimeProvider time, IAlertPublisher alerts, ILogger<TradingRuntime> log) : IDisposable
{
    private readonly List<StrategySlot> _slots = [];
    private readonly ServeRiskRecorder _risk = new(db, time, alerts, log);
    private readonly ServeRestore _restore = new(time, alerts, log);

    /// <summary>The operator controls (stop/start, halt/resume, position sync), kept in the state snapshot.</summary>
    public ServeControls Controls { get; } = new(time, log);

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

    public List<RiskEventView> RiskEvents => _risk.Events;

    public FearGreedView? FearGreed { get; set; }

    /// <summary>The regime detector's state at each replayed bar's close (null without replay data).</summary>
    public IReadOnlyList<RegimeSnapshot>? Regimes { get; private set; }

    /// <summary>Fear &amp; Greed days the regimes were computed with.</summary>
    public int FearGreedDays { get; private set; }

    /// <summary>The portfolio risk manager's metrics after the last bar.</summary>
    public RiskMetrics? LastRiskMetrics { get; private set; }

    /// <summary>Risk events stored in DuckDB so far (source kind <c>serve</c>).</summary>
    public long RiskEventsStored => _risk.Stored;

    public bool Finished { get; private set; }

    public string? HaltReason { get; internal set; }

    /// <summary>The session id (journal file prefix); a restored session keeps the id of the one it continues.</summary>
    public string? Session { get; private set; }

    /// <summary>The snapshot this run was restored from (null for a new session).</summary>
    public StateSnapshot? RestoredFrom => _restore.From;

    /// <summary>The restore's outcome once the re-run caught up with the journals and reconciled (null before).</summary>
    public RestoreReport? Restore => _restore.Report;

    /// <summary>True while a restored session re-runs its stored bars (not paced; snapshots are not written).</summary>
    public bool Restoring => _restore.Restoring;

    /// <summary>True once the runners exist: the replay loop (<see cref="RunReplayAsync"/>) can run.</summary>
    public bool ReplayReady { get; private set; }

    /// <summary>While this answers true the replay waits before its next bar (disaster mode).</summary>
    public Func<bool>? Paused { get; set; }

    /// <summary>Called before each bar is processed, outside the gate (test-only outage switch).</summary>
    public Action<int>? BeforeBar { get; set; }

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

    /// <summary>
    /// Creates the runners (the replay loop itself is <see cref="RunReplayAsync"/>, run by the resilience manager). When
    /// the workspace holds a snapshot of a session over the same bars and strategies, that session is restored: its
    /// journals are reopened in catch-up mode and the loop re-runs the stored bars before it continues.
    /// </summary>
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

        var restore = ServeSnapshots.FindRestorable(new SnapshotStore(settings.SnapshotPath), Bars, settings, _slots, log);
        Session = restore?.Session ?? time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var market = Regimes?.Select(r => new MarketState(r.VolatilityPercentile, r.FearGreed, r.Regime)).ToArray();
        var options = new PaperOptions { InitialCash = settings.CashPerStrategy, Risk = new RiskGenome(), Alerts = alerts, Market = market };
        _risk.Start(Session);
        for (var s = 0; s < _slots.Count; s++)
        {
            var slot = _slots[s];
            var file = new FileOrderJournal(Path.Combine(settings.JournalFolder, $"{Session}-{slot.Id}.jsonl"), fsync: false);
            slot.CatchUp = restore is null ? null : new CatchUpOrderJournal(file);
            slot.Journal = new CapturingJournal(slot.CatchUp ?? (IOrderJournal)file, slot.Id);
            slot.Runner = await PaperStrategyRunner.CreateAsync(slot.Strategy, Bars, options, slot.Journal, string.Create(CultureInfo.InvariantCulture, $"S{s + 1}"), ct);
            slot.Running = restore is { Controls.Count: 0 } ? restore.Strategies[s].Running : slot.Running; // else: its controls say
        }

        _restore.From = restore;
        Controls.Load(restore);
        await Controls.ReplayAsync(this, -1, ct);
        Peak = DayStartEquity = InitialEquity;
        ReplayReady = true;
        if (restore is null)
        {
            new SnapshotStore(settings.SnapshotPath).Write(ServeSnapshots.Capture(this, "started", time.GetUtcNow()));
        }

        var pace = settings.ReplaySpeed is { } m ? $"{m.ToString(CultureInfo.InvariantCulture)}x real time" : "max speed";
        var what = restore is null ? $"session {Session}" : $"restoring session {Session} from its snapshot at bar {restore.Bar}";
        return ComponentHealth.Connected with { Reason = $"replaying {Bars.Count} bars at {pace}; {what}" };
    }

    /// <summary>Flushes and closes every journal (the resilience component stopped the replay loop before).</summary>
    public async Task StopReplayAsync(CancellationToken ct)
    {
        await _risk.StopAsync(ct);
        await UnderGateAsync(
            () =>
            {
                foreach (var slot in _slots.Where(s => s.Journal is not null))
                {
                    slot.Journal!.Dispose();
                    if (log.IsEnabled(LogLevel.Information))
                    {
                        log.LogInformation("order journal flushed: {Strategy} ({Entries} entries)", slot.Id, slot.Journal.Entries);
                    }
                }

                return Task.CompletedTask;
            },
            ct);
    }

    /// <summary>Runs <paramref name="action"/> under <see cref="Gate"/> (order managers are not thread-safe against the loop).</summary>
    public async Task UnderGateAsync(Func<Task> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        await Gate.WaitAsync(ct);
        try
        {
            await action();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Raises the portfolio risk manager's level to at least <paramref name="level"/> (a component escalated).</summary>
    public Task RaiseRiskFloorAsync(string source, RiskLevel level, CancellationToken ct) => UnderGateAsync(
        () =>
        {
            _risk.RaiseFloor(this, source, level);
            return Task.CompletedTask;
        },
        ct);

    public void Dispose() => Gate.Dispose();

    /// <summary>
    /// The replay loop, from the bar after the last one processed to the end: supervised, so after a fault it is
    /// started again and continues (a bar some strategies already processed is not processed twice by them). A
    /// restored session's stored bars are re-run unpaced; once every journal is caught up the restore is completed
    /// (journal vs venue per client order id, reconciliation) before new bars are paced and traded.
    /// </summary>
    public async Task RunReplayAsync(CancellationToken ct)
    {
        var bars = Bars;
        if (bars is null || !ReplayReady)
        {
            return;
        }

        var pace = settings.ReplaySpeed is { } m ? bars.Interval.Duration / m : TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var paced = 0;
        for (var i = BarIndex + 1; i < bars.Count; i++)
        {
            while (Paused?.Invoke() == true || HaltReason is not null)
            {
                if (HaltReason is not null && Restoring)
                {
                    await UnderGateAsync(() => _restore.AdvanceAsync(this, BarIndex, force: true, ct), ct); // restored halted: nothing more to re-run
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
                clock.Restart();
                paced = 0;
            }

            if (Restoring)
            {
                // the re-run is not replay time: pacing starts at the first new bar (else it would rush through as many
                // bars as the restore took paced periods, e.g. 40 bars for a 2 s restore at 50 ms a bar)
                clock.Restart();
                paced = 0;
            }

            if (!Restoring && pace > TimeSpan.Zero && pace * ++paced is var due && due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, ct);
            }
            else if ((i & 255) == 0)
            {
                await Task.Yield();
            }

            BeforeBar?.Invoke(i);
            List<(StrategySlot, string)> touched;
            await Gate.WaitAsync(ct);
            try
            {
                if (HaltReason is not null)
                {
                    i--; // halted since the check above: wait again for this bar
                    continue;
                }

                await StepAsync(i, ct);
                if (Restoring)
                {
                    await Controls.ReplayAsync(this, i, ct);
                    await _restore.AdvanceAsync(this, i, force: false, ct);
                }

                touched = [.. _slots.Where(s => s.Journal is not null).SelectMany(s => s.Journal!.DrainTouched().Select(id => (s, id)))];
            }
            finally
            {
                Gate.Release();
            }

            BarProcessed?.Invoke(i, touched);
        }

        if (!Finished && HaltReason is null && BarIndex == bars.Count - 1)
        {
            Finished = true;
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("replay finished at bar {Bar} of {Count}", BarIndex + 1, bars.Count);
            }
        }
    }

    private async Task StepAsync(int i, CancellationToken ct)
    {
        var bars = Bars!;
        foreach (var slot in _slots.Where(s => s.Runner is not null && s.LastBar < i))
        {
            await slot.Runner!.OnBarAsync(i, trade: slot.Running, ct); // a stopped strategy still reads every bar: its generator needs them in order
            slot.LastBar = i;
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
            _risk.RecordRisk(i, from, update);
        }

        _risk.QueueRunnerRiskEvents(_slots);
    }

    /// <summary>The market state the risk managers see at bar <paramref name="i"/>'s close.</summary>
    private MarketState MarketAt(int i) =>
        Regimes is { } r && i < r.Count ? new MarketState(r[i].VolatilityPercentile, r[i].FearGreed, r[i].Regime) : MarketState.Unknown;
}
