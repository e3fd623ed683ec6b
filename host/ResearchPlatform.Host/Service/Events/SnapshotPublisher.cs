using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Host.Service.Views;

namespace ResearchPlatform.Host.Service.Events;

/// <summary>Publishes the <c>snapshot</c> event (health, portfolio without its curve — the live books' in live mode —, risk level and breakers) every second.</summary>
internal sealed class SnapshotPublisher(EventHub hub, TradingSystemManager manager, TradingRuntime runtime, ServeSettings settings, LiveTrading live, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _cts = new();
    private Task? _loop;

    public ComponentHealth Start()
    {
        _loop = Task.Run(() => RunAsync(_cts.Token));
        return ComponentHealth.Connected with { Reason = "snapshot every 1 s on /api/stream" };
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _cts.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(ct);
        }
    }

    /// <summary>The snapshot payload now.</summary>
    public async Task<object> BuildAsync(CancellationToken ct)
    {
        var health = HealthView.Of(manager.Health());
        await runtime.Gate.WaitAsync(ct);
        try
        {
            var risk = TradingViews.Risk(runtime);
            var portfolio = settings.Live is null ? TradingViews.Portfolio(runtime, withCurve: false) : LiveViews.Portfolio(live, settings, live.Slots.Count, withCurve: false);
            return new { Health = health, Portfolio = portfolio, Risk = new { risk.Level, risk.ActiveBreakers } };
        }
        finally
        {
            runtime.Gate.Release();
        }
    }

    public void Dispose() => _cts.Dispose();

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (hub.Subscribers > 0)
                {
                    hub.Publish("snapshot", await BuildAsync(ct));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
