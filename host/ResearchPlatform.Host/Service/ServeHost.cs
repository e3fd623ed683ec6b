using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Monitoring;
using ResearchPlatform.Host.Commands.Alerts;
using ResearchPlatform.Host.Connections;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Alerts;
using ResearchPlatform.Host.Service.Api;
using ResearchPlatform.Host.Service.Auth;
using ResearchPlatform.Host.Service.Components;
using ResearchPlatform.Host.Service.Decisions;
using ResearchPlatform.Host.Service.Events;
using ResearchPlatform.Host.Service.Monitoring;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Service;

/// <summary>
/// Composes <c>rp serve</c> on the Generic Host: options validated at start, the components and operations in DI,
/// the trading system manager as a hosted service, Kestrel serving the API, the event stream and the dashboard files.
/// Alerts go through the Engine's alert service (workspace <c>alerts.json</c>, history in DuckDB) and monitoring takes
/// snapshots into DuckDB and <c>/metrics</c>. A bad <c>alerts.json</c> throws <see cref="Engine.Alerts.Configuration.AlertsConfigException"/> from <see cref="Build"/>.
/// </summary>
internal static class ServeHost
{
    public static WebApplication Build(ServeHostOptions options, ServeToken token)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        if (options.ConfigFile is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(options.ConfigFile), optional: false, reloadOnChange: false);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.Bind), options.Port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        AddServices(builder.Services, builder.Configuration, options);
        var app = builder.Build();
        MapEndpoints(app, token);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, ServeHostOptions options)
    {
        var settings = options.Settings;
        services.AddOptions<TradingSystemOptions>()
            .Bind(configuration.GetSection(TradingSystemOptions.Section))
            .PostConfigure(o =>
            {
                if (options.ModeGiven || configuration.GetSection(TradingSystemOptions.Section)["Mode"] is null)
                {
                    o.Mode = settings.Mode;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var connections = new ConnectionOptions();
        configuration.GetSection(ConnectionOptions.Section).Bind(connections);
        services.AddRemoteServices(connections);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(token => new WorkspaceDb(settings.DatabasePath));
        var alertsConfig = AlertingSetup.Load(settings.WorkspaceRoot);
        var monitoringOptions = MonitoringOptionsLoader.LoadOrDefault(settings.WorkspaceRoot);
        services.AddSingleton(sp => new ServeAlerts(alertsConfig, settings.DatabasePath, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAlertPublisher>(sp => sp.GetRequiredService<ServeAlerts>());
        services.AddSingleton<IAlertQuery>(sp => sp.GetRequiredService<ServeAlerts>());
        services.AddSingleton(monitoringOptions);
        services.AddSingleton<ServeMonitoring>();
        services.AddSingleton<EventHub>();
        services.AddSingleton<TradingRuntime>();
        services.AddSingleton<LiveExchange>();
        services.AddSingleton<LiveTrading>();
        services.AddSingleton<PositionReconciliation>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<SnapshotPublisher>();
        services.AddSingleton(sp => new ServePlugins(settings.PluginsFolder, sp.GetRequiredService<IAlertPublisher>()));
        services.AddSingleton<IOperationObserver>(sp => sp.GetRequiredService<RetailConnectionOptimizer>());
        services.AddSingleton(ResilienceSettings.Load(configuration));
        services.AddSingleton<ResilienceComponent>();
        services.AddServeComponents();
        services.AddServeOperations();
        services.AddSingleton<TradingSystemManager>();
        services.AddSingleton<ManagerHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<ManagerHostedService>());
        services.AddSingleton<Evolution.ServeEvolution>();
    }

    private static void MapEndpoints(WebApplication app, ServeToken token)
    {
        var hub = app.Services.GetRequiredService<EventHub>();
        app.Services.GetRequiredService<TradingSystemManager>().StatusChanged += c => hub.Publish("component", ComponentView.Of(c.Current));
        app.Services.GetRequiredService<TradingRuntime>().BarProcessed += (_, touched) =>
        {
            foreach (var (slot, id) in touched)
            {
                if (TradingViews.Order(slot, id) is { } order)
                {
                    hub.Publish("order", order);
                }
            }
        };
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(webRoot, "index.html")))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        else
        {
            app.MapGet("/", () => Results.Text(ApiIndex.Text, "text/plain"));
        }

        TradingApi.Map(app);
        ResearchApi.Map(app);
        ControlApi.Map(app, token);
        StreamApi.Map(app);
        MetricsApi.Map(app);
        EvolutionApi.Map(app, token);
        ResilienceApi.Map(app);
        app.MapFallback("/api/{**path}", (string path) => ApiResults.NotFound($"no endpoint /api/{path}"));
    }
}
