using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ResearchPlatform.Host.Connections;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Host.Service.Views;

namespace ResearchPlatform.Host.Service.Api;

/// <summary>Read endpoints of the live system: health, components, connections, operations, portfolio, orders, risk, strategies.</summary>
internal static class TradingApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (TradingSystemManager m) => ApiResults.Json(HealthView.Of(m.Health())));
        app.MapGet("/api/components", (TradingSystemManager m) => ApiResults.Json(HealthView.Of(m.Health()).Components));
        app.MapGet("/api/connections", (RetailConnectionOptimizer o) => ApiResults.Json(o.Snapshot()));
        app.MapGet("/api/operations", (TradingSystemManager m) => ApiResults.Json(new { operations = m.OperationNames, stats = m.OperationStatistics() }));
        app.MapGet("/api/portfolio", (TradingRuntime rt, ServeSettings settings, LiveTrading live, CancellationToken ct) =>
            settings.Live is null ? Read(rt, () => TradingViews.Portfolio(rt, withCurve: true), ct) : Live(() => LiveViews.Portfolio(live, settings, live.Slots.Count, withCurve: true)));
        app.MapGet("/api/positions", (TradingRuntime rt, PositionReconciliation recon, ServeSettings settings, LiveExchange live, CancellationToken ct) =>
            settings.Live is null ? ReadAsync(rt, () => recon.CheckAsync(rt, ct), ct) : ReadAsync(rt, () => live.PositionsAsync(ct), ct));
        app.MapGet("/api/orders", (TradingRuntime rt, ServeSettings settings, LiveTrading live, string? limit, CancellationToken ct) =>
            !ApiResults.TryLimit(limit, 100, out var n, out var error) ? Task.FromResult(error!)
            : settings.Live is null ? Read(rt, () => TradingViews.Orders(rt, n), ct) : Live(() => LiveViews.Orders(live, n)));
        app.MapGet("/api/fills", (TradingRuntime rt, ServeSettings settings, LiveTrading live, string? limit, CancellationToken ct) =>
            !ApiResults.TryLimit(limit, 100, out var n, out var error) ? Task.FromResult(error!)
            : settings.Live is null ? Read(rt, () => TradingViews.Fills(rt, n), ct) : Live(() => LiveViews.Fills(live, n)));
        app.MapGet("/api/risk", (TradingRuntime rt, CancellationToken ct) => Read(rt, () => TradingViews.Risk(rt), ct));
        app.MapGet("/api/strategies", async (TradingRuntime rt, ServeSettings settings, LiveTrading live, WorkspaceDb db, CancellationToken ct) =>
        {
            var pool = await DeploymentPool.ReadAsync(db, ct); // read before taking the replay's gate
            return settings.Live is null
                ? await Read(rt, () => DeploymentPool.Merge(TradingViews.Strategies(rt), pool), ct)
                : await Live(() => DeploymentPool.Merge(LiveViews.Strategies(live, settings, live.Slots), pool));
        });
    }

    /// <summary>A live-mode view: built from the live books, not under the paper replay's gate.</summary>
    private static Task<IResult> Live<T>(Func<T> view) => Task.FromResult(ApiResults.Json(view()));

    private static Task<IResult> Read<T>(TradingRuntime rt, Func<T> view, CancellationToken ct) => ReadAsync(rt, () => Task.FromResult(view()), ct);

    /// <summary>Builds a view under the runtime's gate (a consistent bar); also used by control endpoints.</summary>
    internal static async Task<IResult> ReadAsync<T>(TradingRuntime rt, Func<Task<T>> view, CancellationToken ct)
    {
        await rt.Gate.WaitAsync(ct);
        try
        {
            return ApiResults.Json(await view());
        }
        finally
        {
            rt.Gate.Release();
        }
    }
}
