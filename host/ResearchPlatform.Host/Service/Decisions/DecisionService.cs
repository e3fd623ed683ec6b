using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Events;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Service.Decisions;

/// <summary>
/// The service's decision engine: compiles the rules in the background (a cold compile takes seconds, so the component
/// reports CONNECTING until it is done), watches them for hot reload, asks a RISK_ADJUSTMENT decision every N replayed
/// bars from the live risk figures, stores each decision and publishes it as a <c>decision</c> event. In live mode the
/// bars are the candles the live strategies traded and the figures are the live books' (<see cref="LiveViews.Portfolio"/>).
/// </summary>
internal sealed class DecisionService(ServeSettings settings, WorkspaceDb db, TradingRuntime runtime, LiveTrading live, EventHub hub, TimeProvider time, ILogger<DecisionService> log) : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (RuleSetEvent Event, DateTimeOffset At)> _ruleState = new(StringComparer.Ordinal);
    private RuleSet? _rules;
    private DecisionEngine? _engine;
    private int _busy;

    public RuleSet? Rules => _rules;

    public IReadOnlyList<RuleSetEvent> LastLoad { get; private set; } = [];

    public ComponentHealth Start(IComponentStatusSink sink, string name)
    {
        string folder;
        try
        {
            folder = Commands.Decisions.RulesLocator.Resolve(settings.RulesFolder);
        }
        catch (Cli.BadInputException ex)
        {
            return ComponentHealth.Degraded(ex.Message);
        }

        _ = Task.Run(() =>
        {
            try
            {
                var rules = new RuleSet(folder, time: time);
                LastLoad = rules.LoadAll();
                foreach (var e in LastLoad)
                {
                    _ruleState[e.File] = (e, time.GetUtcNow());
                }

                rules.Changed += e =>
                {
                    _ruleState[e.File] = (e, time.GetUtcNow());
                    hub.Publish("rule", RuleView(e, time.GetUtcNow()));
                };
                rules.StartWatching();
                _rules = rules;
                _engine = new DecisionEngine(rules, time: time);
                runtime.BarProcessed += OnBar;
                live.CandleSampled += OnLiveCandle;
                var failed = LastLoad.Where(e => !e.Succeeded).ToList();
                sink.Report(name, failed.Count == 0
                    ? ComponentHealth.Connected with { Reason = $"{LastLoad.Count} rule files from {folder}" }
                    : ComponentHealth.Degraded($"{failed.Count} rule file(s) failed to compile: {string.Join(", ", failed.Select(f => Path.GetFileName(f.File)))}"));
            }
            catch (Exception ex)
            {
                sink.Report(name, ComponentHealth.Failed("rules: " + ex.Message));
            }
        });
        return new ComponentHealth(ComponentStatus.Connecting, "compiling rules in " + folder);
    }

    /// <summary>GET /api/rules: every rule file's latest load.</summary>
    public IReadOnlyList<object> RuleViews() =>
        [.. _ruleState.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => RuleView(kv.Value.Event, kv.Value.At))];

    public void Dispose()
    {
        runtime.BarProcessed -= OnBar;
        live.CandleSampled -= OnLiveCandle;
        _rules?.Dispose();
    }

    private void OnLiveCandle(int candles) => OnBar(candles - 1, []);

    private void OnBar(int bar, IReadOnlyList<(StrategySlot Slot, string ClientOrderId)> touched)
    {
        if (_engine is null || settings.DecisionEveryBars <= 0 || (bar + 1) % settings.DecisionEveryBars != 0 || Interlocked.Exchange(ref _busy, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var context = await BuildContextAsync();
                var record = _engine.Decide(DecisionType.RiskAdjustment, context);
                var stored = await db.UseAsync(d =>
                {
                    var store = new DecisionStore(d, time);
                    store.Save(record);
                    return store.Get(record.Id);
                }, CancellationToken.None);
                if (stored is not null)
                {
                    hub.Publish("decision", DecisionView.Of(stored));
                }
            }
            catch (Exception ex)
            {
                log.LogWarning("decision at bar {Bar} failed: {Error}", bar + 1, ex.Message);
            }
            finally
            {
                Interlocked.Exchange(ref _busy, 0);
            }
        });
    }

    private static object RuleView(RuleSetEvent e, DateTimeOffset at)
    {
        var name = Path.GetFileName(e.File);
        return new
        {
            File = name,
            DecisionType = Path.GetExtension(name) == ".csx" ? Path.GetFileNameWithoutExtension(name).ToUpperInvariant() : null,
            e.Hash,
            LoadedAt = at,
            Status = e.Succeeded ? "ok" : "error",
            Errors = e.Errors.Select(d => new { File = Path.GetFileName(d.File), d.Line, d.Column, Message = $"{d.Code}: {d.Message}" }),
        };
    }

    private async Task<DecisionContext> BuildContextAsync()
    {
        await runtime.Gate.WaitAsync();
        try
        {
            var p = settings.Live is null ? TradingViews.Portfolio(runtime, withCurve: false) : LiveViews.Portfolio(live, settings, live.Slots.Count, withCurve: false);
            var curve = settings.Live is null ? runtime.Curve : [.. live.Curve.Select(c => (c.T, Equity: c.Total))];
            var n = Math.Min(curve.Count, 48);
            double vol = 0;
            if (n > 2)
            {
                var r = Enumerable.Range(curve.Count - n + 1, n - 1).Select(i => curve[i].Equity / curve[i - 1].Equity - 1).ToList();
                var mean = r.Average();
                vol = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / r.Count);
            }

            return new DecisionContext
            {
                Capital = p.Equity,
                Regime = runtime.FearGreed?.Classification ?? "unknown",
                Risk = new RiskSnapshot(p.TodayPnl / Math.Max(1, p.Equity), 0, vol, p.DrawdownPct / 100),
                Thresholds = _rules!.Thresholds,
                AsOf = curve.Count > 0 ? curve[^1].T : time.GetUtcNow(),
            };
        }
        finally
        {
            runtime.Gate.Release();
        }
    }
}
