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
internal sealed class LiveTrading(ServeSettings settings, LiveExchange exchange, TradingRuntime runtime, IAlertPublisher alerts, ILogger<LiveTrading> log) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FileOrderJournal> _journals = [];
    private Task? _loop;

    /// <summary>The journal file of strategy <paramref name="id"/>.</summary>
    public static string JournalPath(ServeSettings settings, string id) =>
        Path.Combine(settings.JournalFolder, $"live-{settings.Live!.Coin}-{id}.jsonl");

    /// <summary>Starts trading in the background (the <c>paper_engine</c> component in live mode).</summary>
    public ComponentHealth Start(IComponentStatusSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var live = settings.Live!;
        if (exchange.Adapter is not { } inner || exchange.Market is not { } market)
        {
            return ComponentHealth.Failed("no venue to trade: see the exchange and market_data components");
        }

        var strategies = runtime.Slots.Select(s => s.Strategy).ToList();
        if (strategies.Count == 0)
        {
            return ComponentHealth.Failed("no strategies to trade");
        }

        Directory.CreateDirectory(settings.JournalFolder);
        var adapter = new CloidMappedAdapter(inner);
        var options = new PaperOptions { InitialCash = settings.CashPerStrategy, Risk = new RiskGenome(), Alerts = alerts };
        var liveSettings = new LivePaperSettings { Symbol = live.Coin, Interval = BarInterval.Parse(live.Interval) };
        _loop = Task.Run(() => RunAsync(adapter, market, liveSettings, strategies, options, sink), CancellationToken.None);
        return ComponentHealth.Connected with
        {
            Reason = $"live: {strategies.Count} strategies trade {live.Coin} {live.Interval} through the {live.Exchange} adapter; journals {settings.JournalFolder}/live-{live.Coin}-*.jsonl",
        };
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        foreach (var j in _journals)
        {
            j.Dispose();
        }

        _journals.Clear();
    }

    public void Dispose() => _stop.Dispose();

    private async Task RunAsync(CloidMappedAdapter adapter, LiveMarket market, LivePaperSettings liveSettings, List<PaperStrategy> strategies, PaperOptions options, IComponentStatusSink sink)
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

                return (journal, $"L{i + 1}");
            }, Info, _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // whatever stops the live loop is reported on the component (live trading then blocked)
        catch (Exception ex)
        {
            log.LogError("live trading stopped: {Error}", ex.Message);
            sink.Report("paper_engine", ComponentHealth.Failed("live trading stopped: " + ex.Message));
        }
#pragma warning restore CA1031
    }

    private void Info(string message)
    {
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("{Message}", message);
        }
    }
}
