using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Live;
using ResearchPlatform.Host.Commands.Paper.Testnet;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Live trading of <c>rp serve --mode live</c>: the pool's strategies trade the venue through the exchange adapter on the
/// same live path as <c>rp paper --mode testnet</c> (<see cref="LivePaperEngine"/>: candles from the adapter's stream,
/// signal -> sizer -> risk -> order manager with its journal -> adapter, fills from its execution stream). Each strategy
/// has one journal for the workspace (<c>serve/journal/live-COIN-STRATEGY.jsonl</c>, fsync'd) and a fixed client id
/// prefix, so a restart (after kill -9 too) replays the journal, reconciles every open order with the venue by cloid
/// (<see cref="CloidMappedAdapter"/> maps the ids of orders an earlier process placed) and continues without placing
/// any client order id twice. Positions stay open when the service stops.
/// </summary>
internal sealed class LiveTrading(ServeSettings settings, LiveExchange exchange, TimeProvider time, IAlertPublisher alerts, ILogger<LiveTrading> log) : IDisposable
{
    private readonly List<FileOrderJournal> _journals = [];
    private readonly Lock _sync = new();
    private readonly List<LivePoint> _curve = [];
    private IReadOnlyList<LiveStrategyRunner> _runners = [];
    private IReadOnlyList<LiveBook> _books = [];
    private int _sampled;
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private Func<CancellationToken, Task>? _run;

    /// <summary>The emergency stop of live trading (it survives a restart: the file is removed by a resume).</summary>
    public string HaltPath => Path.Combine(settings.WorkspaceRoot, "serve", "live-halt.txt");

    /// <summary>Why live trading is halted (null = trading).</summary>
    public string? HaltReason { get; private set; }

    /// <summary>The strategies live mode trades (<see cref="LiveStrategies"/>), empty before <see cref="Start"/>.</summary>
    public IReadOnlyList<StrategySlot> Slots { get; private set; } = [];

    /// <summary>The strategies' books of the current (or, once halted or stopped, the last) live loop; empty before its runners started.</summary>
    public IReadOnlyList<LiveBook> Books => _books;

    /// <summary>True while the live loop trades (its runners started, not halted, not stopped by a failure).</summary>
    public bool Trading { get; private set; }

    /// <summary>The strategies' state after each candle traded by this process.</summary>
    public IReadOnlyList<LivePoint> Curve
    {
        get
        {
            lock (_sync)
            {
                return [.. _curve];
            }
        }
    }

    /// <summary>The journal file of strategy <paramref name="id"/>.</summary>
    public static string JournalPath(ServeSettings settings, string id) =>
        Path.Combine(settings.JournalFolder, $"live-{settings.Live!.Coin}-{id}.jsonl");

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
        var slots = Slots = chosen.Slots;
        var strategies = slots.Select(s => s.Strategy).ToList();
        if (strategies.Count == 0)
        {
            return ComponentHealth.Failed("no strategies to trade");
        }

        Directory.CreateDirectory(settings.JournalFolder);
        var adapter = new CloidMappedAdapter(inner);
        var options = new PaperOptions { InitialCash = settings.CashPerStrategy, Risk = new RiskGenome(), Alerts = alerts };
        var liveSettings = new LivePaperSettings { Symbol = live.Coin, Interval = BarInterval.Parse(live.Interval), RunnersStarted = Started };
        void Started(IReadOnlyList<LiveStrategyRunner> runners)
        {
            _runners = runners;
            lock (_sync)
            {
                _books = [.. runners.Select((r, i) => new LiveBook(slots[i], r, _journals[i]))];
                _sampled = 0;
            }

            Trading = true;
        }

        _run = ct => RunAsync(adapter, market, liveSettings, strategies, chosen.Prefixes, options, sink, ct);
        var what = $"{strategies.Count} strategies ({chosen.What}) trade {live.Coin} {live.Interval} through the {live.Exchange} adapter; journals {settings.JournalFolder}/live-{live.Coin}-*.jsonl";
        if (File.Exists(HaltPath))
        {
            HaltReason = File.ReadAllText(HaltPath).Trim();
            return ComponentHealth.Connected with { Reason = $"live: HALTED ({HaltReason}) until POST /api/resume; then {what}" };
        }

        StartLoop();
        return ComponentHealth.Connected with { Reason = "live: " + what };
    }

    /// <summary>
    /// Emergency stop: records the halt (file, so a restart stays halted), stops the live loop, cancels every open order
    /// at the venue through its order manager (journaled) and closes the journals; the orders cancelled.
    /// </summary>
    public async Task<int> HaltAsync(string reason)
    {
        HaltReason = reason;
        Directory.CreateDirectory(Path.GetDirectoryName(HaltPath)!);
        await File.WriteAllTextAsync(HaltPath, reason + "\n");
        await StopLoopAsync();
        var cancelled = 0;
        foreach (var runner in _runners)
        {
            foreach (var order in runner.Manager.Orders.Where(o => !o.IsTerminal).ToList())
            {
                cancelled += await runner.Manager.CancelAsync(order.ClientOrderId, CancellationToken.None) ? 1 : 0;
            }
        }

        CloseJournals();
        log.LogWarning("live trading halted ({Reason}): {Cancelled} open orders cancelled at the venue", reason, cancelled);
        return cancelled;
    }

    /// <summary>Lifts the emergency stop and starts trading again (the journals are replayed and reconciled by cloid).</summary>
    public void Resume()
    {
        if (HaltReason is null)
        {
            return;
        }

        File.Delete(HaltPath);
        HaltReason = null;
        StartLoop();
    }

    public async Task StopAsync()
    {
        await StopLoopAsync();
        CloseJournals();
    }

    public void Dispose() => _stop?.Dispose();

    /// <summary>
    /// Called on the live loop's thread whenever the engine reports (at least once per traded candle): records the
    /// books once every strategy has processed a new candle. Realized P&amp;L and quantity do not depend on the mark; the unrealized P&amp;L is
    /// the rest of the runner's equity at the candle's close, so the exposure is quantity x average entry + unrealized.
    /// </summary>
    private void Sample()
    {
        lock (_sync)
        {
            if (_books.Count == 0 || _books.Any(b => b.Runner.Equity.Count <= _sampled))
            {
                return; // not every strategy has processed the new candle yet (a report from within the bar)
            }

            _sampled = _books.Min(b => b.Runner.Equity.Count);
            var cash = (double)settings.CashPerStrategy;
            var equity = _books.Select(b => b.Runner.Equity.Count > 0 ? b.Runner.Equity[^1] : cash).ToArray();
            var positions = _books.Select(b => b.Runner.Manager.Positions.Snapshot(settings.Live!.Coin, 0m)).ToArray();
            var realized = positions.Select(p => (double)(p.RealizedPnl - p.Fees + p.Funding)).ToArray();
            var exposure = positions.Select((p, i) => (double)(p.Quantity * p.AverageEntryPrice) + (equity[i] - cash - realized[i])).ToArray();
            _curve.Add(new LivePoint(time.GetUtcNow(), equity, realized, exposure));
        }
    }

    private void StartLoop()
    {
        _stop?.Dispose();
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _loop = Task.Run(() => _run!(token), CancellationToken.None);
    }

    private async Task StopLoopAsync()
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
    }

    private void CloseJournals()
    {
        foreach (var j in _journals)
        {
            j.Dispose();
        }

        _journals.Clear();
    }

    private async Task RunAsync(CloidMappedAdapter adapter, LiveMarket market, LivePaperSettings liveSettings, List<PaperStrategy> strategies, IReadOnlyList<string> prefixes, PaperOptions options, IComponentStatusSink sink, CancellationToken ct)
    {
        try
        {
            await LivePaperEngine.RunAsync("serve-live", adapter, market, liveSettings, strategies, options, i =>
            {
                var journal = new FileOrderJournal(JournalPath(settings, strategies[i].Name));
                _journals.Add(journal);
                foreach (var id in journal.ReadAll().Select(e => e.ClientOrderId).Distinct(StringComparer.Ordinal))
                {
                    adapter.Register(id);
                }

                return (journal, prefixes[i]);
            }, Info, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // whatever stops the live loop is reported on the component (live trading then blocked)
        catch (Exception ex)
        {
            log.LogError("live trading stopped: {Error}", ex.Message);
            sink.Report("paper_engine", ComponentHealth.Failed("live trading stopped: " + ex.Message));
        }
#pragma warning restore CA1031
        finally
        {
            Trading = false;
        }
    }

    private void Info(string message)
    {
        Sample();
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("{Message}", message);
        }
    }
}
