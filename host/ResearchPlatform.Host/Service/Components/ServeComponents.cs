using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Host.Connections;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Alerts;
using ResearchPlatform.Host.Service.Decisions;
using ResearchPlatform.Host.Service.Events;
using ResearchPlatform.Host.Service.Monitoring;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Host.Service.Components;

/// <summary>Registers the service's components in dependency order (tiers, then registration order within a tier).</summary>
internal static class ServeComponents
{
    public static IServiceCollection AddServeComponents(this IServiceCollection services)
    {
        Add(services, sp => new ServiceComponent("connections", ComponentKind.Critical, ComponentTier.Connections, (_, _) =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var names = sp.GetRequiredService<ConnectionOptions>().Services.Keys.Order(StringComparer.Ordinal).ToList();
            foreach (var n in names)
            {
                using var client = factory.CreateClient(n); // builds the pipeline (and registers its bounds with the optimizer)
            }

            return Task.FromResult(ComponentHealth.Connected with { Reason = $"{names.Count} service pipelines: {string.Join(", ", names)}" });
        }));
        Add(services, sp => new ServiceComponent("exchange", ComponentKind.Critical, ComponentTier.Connections, (_, _) =>
        {
            var settings = sp.GetRequiredService<ServeSettings>();
            return Task.FromResult(settings.Mode == TradingMode.Paper ? ComponentHealth.Connected with { Reason = "simulated venue (paper mode)" }
                : settings.Live is null ? ComponentHealth.Failed("no live exchange adapter configured (--exchange hyperliquid): live orders cannot be sent")
                : sp.GetRequiredService<LiveExchange>().Connect());
        }));
        Add(services, sp => new ServiceComponent("market_data", ComponentKind.Critical, ComponentTier.DataClients,
            (_, ct) => sp.GetRequiredService<ServeSettings>().Live is null ? sp.GetRequiredService<TradingRuntime>().LoadMarketDataAsync(ct) : sp.GetRequiredService<LiveExchange>().LoadMarketAsync(ct),
            startTimeout: TimeSpan.FromSeconds(60)));
        Add(services, sp => new ServiceComponent("fear_greed", ComponentKind.Optional, ComponentTier.DataClients,
            (_, ct) => FearGreedSource.LoadAsync(sp.GetRequiredService<WorkspaceDb>(), sp.GetRequiredService<TradingRuntime>(), sp.GetRequiredService<TimeProvider>(), ct)));
        Add(services, sp => new ServiceComponent("risk_manager", ComponentKind.Critical, ComponentTier.Engines,
            (_, _) => Task.FromResult(sp.GetRequiredService<TradingRuntime>().InitRisk(new RiskGenome()))));
        Add(services, sp => new ServiceComponent("position_sizer", ComponentKind.Critical, ComponentTier.Engines,
            (_, _) => Task.FromResult(sp.GetRequiredService<TradingRuntime>().InitSizer(new RiskGenome()))));
        Add(services, sp => new ServiceComponent("order_manager", ComponentKind.Critical, ComponentTier.Engines,
            (_, _) => Task.FromResult(PrepareJournals(sp.GetRequiredService<ServeSettings>()))));
        Add(services, sp => new ServiceComponent("strategy_pool", ComponentKind.Critical, ComponentTier.Engines, (_, _) =>
        {
            var plugins = sp.GetRequiredService<ServePlugins>();
            plugins.Load(sp.GetRequiredService<TimeProvider>());
            return Task.FromResult(sp.GetRequiredService<TradingRuntime>().LoadStrategies(plugins.Seeds()));
        }));
        Add(services, sp => new ServiceComponent("paper_engine", ComponentKind.Critical, ComponentTier.Engines,
            (sink, ct) =>
            {
                var runtime = sp.GetRequiredService<TradingRuntime>();
                runtime.Controls.HaltChanged += reason => OnHaltChanged(sp.GetRequiredService<TradingSystemManager>(), reason);
                return sp.GetRequiredService<ServeSettings>().Live is null ? runtime.StartReplayAsync(ct) : StartLiveAsync(sp, runtime, sp.GetRequiredService<LiveTrading>(), sp.GetRequiredService<WorkspaceDb>(), sink, ct);
            },
            ct => sp.GetRequiredService<ServeSettings>().Live is null ? sp.GetRequiredService<TradingRuntime>().StopReplayAsync(ct) : sp.GetRequiredService<LiveTrading>().StopAsync(),
            stopTimeout: TimeSpan.FromSeconds(10)));
        Add(services, sp => new ServiceComponent("decision_engine", ComponentKind.Optional, ComponentTier.Engines,
            (sink, _) => Task.FromResult(sp.GetRequiredService<DecisionService>().Start(sink, "decision_engine")),
            _ =>
            {
                sp.GetRequiredService<DecisionService>().Dispose();
                return Task.CompletedTask;
            }));
        Add(services, sp => new ServiceComponent("monitoring", ComponentKind.Optional, ComponentTier.Monitoring,
            (_, _) =>
            {
                sp.GetRequiredService<SnapshotPublisher>().Start();
                return Task.FromResult(sp.GetRequiredService<ServeMonitoring>().Start());
            },
            async ct =>
            {
                await sp.GetRequiredService<SnapshotPublisher>().StopAsync(ct);
                await sp.GetRequiredService<ServeMonitoring>().StopAsync(ct);
            }));
        Add(services, sp => new ServiceComponent("alerting", ComponentKind.Optional, ComponentTier.Monitoring, (_, _) =>
        {
            var hub = sp.GetRequiredService<EventHub>();
            var alerts = sp.GetRequiredService<ServeAlerts>();
            alerts.Stored += a => hub.Publish("alert", a);
            var channels = alerts.Service.ChannelNames.Order(StringComparer.Ordinal).ToList();
            return Task.FromResult(channels.Count == 0
                ? ComponentHealth.Degraded("no enabled alert channel in alerts.json: alerts are only stored (DuckDB)")
                : ComponentHealth.Connected with { Reason = $"channels {string.Join(", ", channels)}; history in DuckDB" });
        }));
        Add(services, sp => sp.GetRequiredService<ResilienceComponent>());
        return services;
    }

    /// <summary>Checks the journal folder is writable (each strategy's order journal lives there).</summary>
    private static ComponentHealth PrepareJournals(ServeSettings settings)
    {
        Directory.CreateDirectory(settings.JournalFolder);
        var probe = Path.Combine(settings.JournalFolder, ".probe");
        File.WriteAllText(probe, "ok");
        File.Delete(probe);
        return ComponentHealth.Connected with { Reason = "journal folder " + settings.JournalFolder };
    }

    /// <summary>
    /// Starts live trading (the live deployment stage's strategies, else the pool's; the set then follows the stage at
    /// candle boundaries, read at most every 5 s); a halt recorded before the restart halts the system again (until resumed).
    /// </summary>
    private static async Task<ComponentHealth> StartLiveAsync(IServiceProvider sp, TradingRuntime runtime, LiveTrading live, WorkspaceDb db, IComponentStatusSink sink, CancellationToken ct)
    {
        var health = live.Start(sink, await LiveStrategies.LoadAsync(db, runtime.Slots, ct));
        new LiveStageWatch(live, c => LiveStrategies.LoadAsync(db, runtime.Slots, c), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LiveTrading>>(), TimeSpan.FromSeconds(5)).Attach();
        if (live.HaltReason is { } reason)
        {
            await runtime.Controls.HaltAsync(runtime, reason, ct);
        }

        return health;
    }

    /// <summary>An emergency stop (made now or re-applied by a restore) halts the manager; a resume lifts it.</summary>
    private static void OnHaltChanged(TradingSystemManager manager, string? reason)
    {
        if (reason is not null)
        {
            manager.Halt(reason);
            manager.Report("order_manager", ComponentHealth.Degraded("trading halted: emergency stop"));
        }
        else
        {
            manager.Resume();
            manager.Report("order_manager", ComponentHealth.Connected with { Reason = "trading resumed by the operator" });
        }
    }

    private static void Add(IServiceCollection services, Func<IServiceProvider, IManagedComponent> factory) => services.AddSingleton(factory);
}
