using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Monitoring;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Sdk.Alerts;
using EngineStatus = ResearchPlatform.Engine.Monitoring.ComponentStatus;

namespace ResearchPlatform.Host.Service.Monitoring;

/// <summary>
/// The monitoring of <c>rp serve</c>: the Engine's <see cref="MonitoringService"/> ticking every
/// <see cref="MonitoringOptions.Interval"/> (the <c>monitoring</c> section of the workspace's <c>alerts.json</c>). Before
/// each tick it pushes the trading figures of the running replay (PnL, Sharpe, drawdown, win rate, exposure, risk level)
/// and the newest evolution generation stored in the workspace; components come from the
/// <see cref="TradingSystemManager"/> (an ERROR counts as failing, so two within the cascade window raise one SYSTEM
/// alert). Thresholds, anomalies and cascades alert through the service's publisher; samples go to DuckDB
/// (<c>monitoring_samples</c>, the file opened on demand) and are downsampled every <see cref="DownsampleEvery"/> ticks.
/// </summary>
internal sealed class ServeMonitoring : IAsyncDisposable
{
    public const int DownsampleEvery = 60;

    private readonly MonitoringOptions _options;
    private readonly TradingSystemManager _manager;
    private readonly TradingRuntime _runtime;
    private readonly WorkspaceDb _db;
    private readonly TimeProvider _time;
    private readonly ILogger<ServeMonitoring> _log;
    private readonly DatabaseAccess _access;
    private readonly MonitoringHistoryStore _history;
    private readonly MonitoringService _service;
    private readonly CancellationTokenSource _cts = new();
    private Task? _loop;
    private long _ticks;
    private int _disposed;

    public ServeMonitoring(MonitoringOptions options, IAlertPublisher alerts, ServeSettings settings, TradingSystemManager manager, TradingRuntime runtime, WorkspaceDb db,
        TimeProvider time, ILogger<ServeMonitoring> log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _options = options;
        _manager = manager;
        _runtime = runtime;
        _db = db;
        _time = time;
        _log = log;
        _access = DatabaseAccess.PerCall(settings.DatabasePath);
        _history = new MonitoringHistoryStore(_access);
        _service = new MonitoringService(options, alerts, settings.WorkspaceRoot, time, Components, _history);
    }

    /// <summary>The latest snapshot (null before the first tick).</summary>
    public MonitoringSnapshot? Latest => _service.Latest;

    /// <summary>Snapshots taken so far.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    public ComponentHealth Start()
    {
        _loop ??= Task.Run(() => RunAsync(_cts.Token));
        return ComponentHealth.Connected with { Reason = $"snapshot every {_options.Interval.TotalSeconds:0.###} s, history in DuckDB, /metrics" };
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _cts.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _service.DisposeAsync();
        _cts.Dispose();
        _access.Dispose();
    }

    /// <summary>Pushes the current trading and evolution figures, then takes, evaluates and stores one snapshot.</summary>
    public async Task<MonitoringSnapshot> TickAsync(CancellationToken ct)
    {
        if (_db.Exists)
        {
            var evolution = await _db.UseAsync<EvolutionMetrics?>(d => EvolutionMetricsReader.Latest(d), ct);
            if (evolution is not null)
            {
                _service.ReportEvolution(evolution);
            }
        }

        if (await TradingAsync(ct) is { } trading)
        {
            _service.ReportTrading(trading);
        }

        var snapshot = _service.Tick();
        if (Interlocked.Increment(ref _ticks) % DownsampleEvery == 0)
        {
            _history.Downsample(snapshot.At, _options.RawRetention, _options.MinuteRetention);
        }

        return snapshot;
    }

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.Interval, _time);
        try
        {
            do
            {
                try
                {
                    await TickAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _log.LogWarning("monitoring snapshot failed: {Error}", ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private IReadOnlyList<EngineStatus> Components() =>
        [.. _manager.Health().Components.Select(c => new EngineStatus(
            c.Name, TradingSystemManager.Upper(c.Status), c.Status == Lifecycle.ComponentStatus.Error, c.Reason))];

    private async Task<TradingMetrics?> TradingAsync(CancellationToken ct)
    {
        await _runtime.Gate.WaitAsync(ct);
        try
        {
            return Trading(_runtime);
        }
        finally
        {
            _runtime.Gate.Release();
        }
    }

    /// <summary>The replay's figures now (caller holds the gate); null before the first bar.</summary>
    internal static TradingMetrics? Trading(TradingRuntime rt)
    {
        if (rt.Bars is not { } bars || rt.BarIndex < 0 || rt.Curve.Count == 0)
        {
            return null;
        }

        var equity = rt.Curve[^1].Equity;
        var mark = (decimal)bars.Close[rt.BarIndex];
        double exposure = 0;
        int trades = 0, wins = 0;
        foreach (var slot in rt.Slots.Where(s => s.Runner is not null))
        {
            exposure += Math.Abs((double)(slot.Runner!.Manager.Positions.QuantityOf(bars.Symbol) * mark));
            foreach (var t in slot.Runner.Trades)
            {
                trades++;
                wins += t.Pnl > 0 ? 1 : 0;
            }
        }

        var level = rt.HaltReason is not null ? (int)Sdk.Risk.RiskLevel.Emergency : (int)(rt.Risk?.Level ?? Sdk.Risk.RiskLevel.Low);
        return new TradingMetrics(
            equity - rt.InitialEquity, Sharpe(rt.Curve, Annualization.BarsPerYear(bars), rt.InitialEquity), rt.Peak > 0 ? Math.Max(0, (rt.Peak - equity) / rt.Peak) : 0,
            trades == 0 ? 0 : (double)wins / trades, equity > 0 ? exposure / equity : 0, level);
    }

    private static double Sharpe(List<(DateTimeOffset T, double Equity)> curve, double barsPerYear, double start)
    {
        double sum = 0, sumSq = 0, previous = start;
        foreach (var (_, e) in curve)
        {
            var r = previous > 0 ? e / previous - 1 : 0;
            sum += r;
            sumSq += r * r;
            previous = e;
        }

        var n = curve.Count;
        var mean = sum / n;
        var sd = Math.Sqrt(Math.Max(0, sumSq / n - mean * mean));
        return sd > 0 ? mean / sd * Math.Sqrt(barsPerYear) : 0;
    }
}
