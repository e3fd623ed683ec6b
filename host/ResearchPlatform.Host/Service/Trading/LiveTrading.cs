using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Live;
using ResearchPlatform.Engine.Resilience.Disaster;
using ResearchPlatform.Host.Commands.Paper.Testnet;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Live trading of <c>rp serve --mode live</c>: the live strategies trade the venue through the exchange adapter on the
/// same live path as <c>rp paper --mode testnet</c> (<see cref="LivePaperEngine"/>: candles from the adapter's stream,
/// signal -> sizer -> risk -> order manager with its journal -> adapter, fills from its execution stream). Each strategy
/// has one journal for the workspace (<c>serve/journal/live-COIN-STRATEGY.jsonl</c>, fsync'd) and a fixed client id
/// prefix, so every (re)start of the loop (a restart after kill -9, a resume, a strategy started or stopped, the end of
/// disaster mode) replays the journals, reconciles every open order with the venue by cloid
/// (<see cref="CloidMappedAdapter"/>) and continues without placing any client order id twice. Strategies stopped
/// through the API (<see cref="LiveControls"/>) are left out of the loop; their books, and every book while nothing
/// trades, are their journals replayed read-only. Loop starts and stops, controls and disaster actions are serialized.
/// </summary>
internal sealed partial class LiveTrading(ServeSettings settings, LiveExchange exchange, TimeProvider time, IAlertPublisher alerts, ILogger<LiveTrading> log) : IDisposable
{
    private readonly List<FileOrderJournal> _journals = [];
    private readonly SemaphoreSlim _serial = new(1, 1);
    private readonly LiveSampler _sampler = new(settings, time);
    private IReadOnlyList<LiveStrategyRunner> _runners = [];
    private OrderManager? _probeOnly;
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private LiveStrategies? _chosen;
    private CloidMappedAdapter? _adapter;
    private LiveMarket? _market;
    private IComponentStatusSink? _sink;
    private LiveControls? _controls;

    private ServeSettings Settings => settings;

    private TimeProvider Time => time;

    private ILogger Log => log;

    /// <summary>The emergency stop of live trading (it survives a restart: the file is removed by a resume).</summary>
    public string HaltPath => Path.Combine(settings.WorkspaceRoot, "serve", "live-halt.txt");

    /// <summary>The strategies stopped through the API (<see cref="LiveControls"/>).</summary>
    public string ControlsPath => Path.Combine(settings.WorkspaceRoot, "serve", "live-controls.json");

    /// <summary>Why live trading is halted (null = trading).</summary>
    public string? HaltReason { get; private set; }

    /// <summary>The strategies live mode trades (<see cref="LiveStrategies"/>), empty before <see cref="Start"/>.</summary>
    public IReadOnlyList<StrategySlot> Slots { get; private set; } = [];

    /// <summary>Every live strategy's book (<see cref="LiveBook"/>): its runner's while the loop trades it, else its journal read-only.</summary>
    public IReadOnlyList<LiveBook> Books => _sampler.Books;

    /// <summary>True while the live loop trades (its runners started, not halted, not stopped by a failure or disaster mode).</summary>
    public bool Trading { get; private set; }

    /// <summary>Set by the resilience component: true while disaster mode is engaged (the loop stays stopped).</summary>
    public Func<bool>? Suspended { get; set; }

    /// <summary>Set by the resilience component: a failure of the live loop (a venue stream failed) engages disaster mode.</summary>
    public Func<string, Task>? LoopFailed { get; set; }

    /// <summary>The strategies' state after each candle traded by this process.</summary>
    public IReadOnlyList<LivePoint> Curve => _sampler.Curve;

    /// <summary>Raised after each candle every trading strategy processed: the number of points of <see cref="Curve"/>.</summary>
    public event Action<int>? CandleSampled
    {
        add => _sampler.Sampled += value;
        remove => _sampler.Sampled -= value;
    }

    /// <summary>The journal file of strategy <paramref name="id"/>.</summary>
    public static string JournalPath(ServeSettings settings, string id) =>
        Path.Combine(settings.JournalFolder, $"live-{settings.Live!.Coin}-{id}.jsonl");

    /// <summary>True when strategy <paramref name="id"/> was stopped through the API.</summary>
    public bool IsStopped(string id) => _controls?.Stopped.Contains(id) == true;

    /// <summary>Starts trading in the background (the <c>paper_engine</c> component in live mode), unless halted before.</summary>
    public ComponentHealth Start(IComponentStatusSink sink, LiveStrategies chosen)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(chosen);
        if (chosen.Error is { } error)
        {
            return ComponentHealth.Failed(error);
        }

        var live = settings.Live!;
        if (exchange.Adapter is not { } inner || exchange.Market is not { } market)
        {
            return ComponentHealth.Failed("no venue to trade: see the exchange and market_data components");
        }

        Info($"live strategies: {chosen.Slots.Count}, {chosen.What}");
        Slots = chosen.Slots;
        if (Slots.Count == 0)
        {
            return ComponentHealth.Failed("no strategies to trade");
        }

        try
        {
            _controls = LiveControls.Load(ControlsPath);
        }
        catch (InvalidDataException ex)
        {
            return ComponentHealth.Failed(ex.Message);
        }

        Directory.CreateDirectory(settings.JournalFolder);
        (_chosen, _adapter, _market, _sink) = (chosen, new CloidMappedAdapter(inner), market, sink);
        ShowJournals();
        var stopped = Slots.Where(s => IsStopped(s.Id)).Select(s => s.Id).ToList();
        var what = $"{Slots.Count} strategies ({chosen.What}) trade {live.Coin} {live.Interval} through the {live.Exchange} adapter; journals {settings.JournalFolder}/live-{live.Coin}-*.jsonl"
            + (stopped.Count > 0 ? $"; stopped through the API: {string.Join(", ", stopped)}" : "");
        if (File.Exists(HaltPath))
        {
            HaltReason = File.ReadAllText(HaltPath).Trim();
            return ComponentHealth.Connected with { Reason = $"live: HALTED ({HaltReason}) until POST /api/resume; then {what}" };
        }

        StartLoop();
        return ComponentHealth.Connected with { Reason = "live: " + what };
    }

    /// <summary>
    /// Disaster mode's targets: every running strategy's order manager on the adapter (only the first one probes it:
    /// one account, one probe); while the loop is not running (starting, every strategy stopped) an order manager with
    /// no orders, so the venue is still probed. None while halted.
    /// </summary>
    public IReadOnlyList<DisasterTarget> DisasterTargets() =>
        HaltReason is not null || _adapter is not { } adapter ? []
        : _runners.Count == 0 ? [new DisasterTarget("venue", adapter, _probeOnly ??= new OrderManager(adapter, new MemoryOrderJournal(), new OrderManagerOptions { ClientIdPrefix = "PROBE" }, time))]
        : [.. _runners.Select((r, i) => new DisasterTarget(r.Strategy.Name, adapter, r.Manager, i == 0 ? null : _ => ValueTask.CompletedTask))];

    /// <summary>
    /// Runs a disaster-mode action: the live loop is stopped first (nothing trades while it touches the order
    /// managers); when disaster mode is off afterwards (recovered) and not halted, the loop starts again from the journals.
    /// </summary>
    public async Task SerializeAsync(Func<Task> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _serial.WaitAsync(ct);
        try
        {
            await StopLoopAsync(closeJournals: false);
            await action();
            if (Suspended?.Invoke() != true && HaltReason is null)
            {
                StartLoop();
            }
        }
        finally
        {
            _serial.Release();
        }
    }

    public async Task StopAsync()
    {
        await _serial.WaitAsync();
        try
        {
            await StopLoopAsync();
        }
        finally
        {
            _serial.Release();
        }
    }

    public void Dispose()
    {
        _stop?.Dispose();
        _serial.Dispose();
    }

    /// <summary>Starts the loop with every strategy not stopped (call under the serial lock, loop stopped).</summary>
    private void StartLoop()
    {
        CloseJournals();
        var running = Enumerable.Range(0, Slots.Count).Where(i => !IsStopped(Slots[i].Id)).ToList();
        if (running.Count == 0)
        {
            Info("live: every strategy is stopped: nothing trades until one is started (POST /api/strategies/ID/start)");
            return;
        }

        _stop?.Dispose();
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _loop = Task.Run(() => RunAsync(running, token), CancellationToken.None);
    }

    /// <summary>Stops the loop; unless told otherwise its journals are closed and the books read from them again.</summary>
    private async Task StopLoopAsync(bool closeJournals = true)
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync();
        }

        if (_loop is not null)
        {
            await _loop;
            _loop = null;
        }

        if (closeJournals)
        {
            CloseJournals();
        }
    }

    /// <summary>Closes the loop's journals and shows every strategy's journal read-only (nothing trades now).</summary>
    private void CloseJournals()
    {
        foreach (var j in _journals)
        {
            j.Dispose();
        }

        _journals.Clear();
        _runners = [];
        ShowJournals();
    }

    private void ShowJournals()
    {
        if (_adapter is { } adapter && _chosen is { } chosen)
        {
            _sampler.SetBooks([.. Slots.Select((s, i) => LiveBook.FromJournal(s, JournalPath(settings, s.Id), adapter, chosen.Prefixes[i], time))]);
        }
    }

    private async Task RunAsync(List<int> running, CancellationToken ct)
    {
        var live = settings.Live!;
        var strategies = running.Select(i => Slots[i].Strategy).ToList();
        var options = new PaperOptions { InitialCash = settings.CashPerStrategy, Risk = new RiskGenome(), Alerts = alerts };
        var liveSettings = new LivePaperSettings { Symbol = live.Coin, Interval = BarInterval.Parse(live.Interval), RunnersStarted = Started };
        void Started(IReadOnlyList<LiveStrategyRunner> runners)
        {
            _runners = runners;
            _sampler.SetBooks([.. Slots.Select((s, i) => running.IndexOf(i) is var k and >= 0
                ? LiveBook.Of(s, runners[k], _journals[k])
                : LiveBook.FromJournal(s, JournalPath(settings, s.Id), _adapter!, _chosen!.Prefixes[i], time))]);
            Trading = true;
        }

        try
        {
            await LivePaperEngine.RunAsync("serve-live", _adapter!, _market!, liveSettings, strategies, options, k =>
            {
                var journal = new FileOrderJournal(JournalPath(settings, strategies[k].Name));
                _journals.Add(journal);
                foreach (var id in journal.ReadAll().Select(e => e.ClientOrderId).Distinct(StringComparer.Ordinal))
                {
                    _adapter!.Register(id);
                }

                return (journal, _chosen!.Prefixes[running[k]]);
            }, Info, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // whatever stops the live loop goes to disaster mode (or, without it, is reported on the component)
        catch (Exception ex)
        {
            log.LogError("live trading stopped: {Error}", ex.Message);
            if (LoopFailed is { } failed)
            {
                _ = Task.Run(() => failed("live loop: " + ex.Message), CancellationToken.None);
            }
            else
            {
                _sink?.Report("paper_engine", ComponentHealth.Failed("live trading stopped: " + ex.Message));
            }
        }
#pragma warning restore CA1031
        finally
        {
            Trading = false;
        }
    }

    private void Info(string message)
    {
        _sampler.Sample();
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("{Message}", message);
        }
    }
}
