using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Host.Connections;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Trading;

namespace ResearchPlatform.Host.Service.Components;

/// <summary>The operations of <see cref="TradingSystemManager.ExecuteOperationAsync"/> the service offers.</summary>
internal static class ServeOperations
{
    public static IServiceCollection AddServeOperations(this IServiceCollection services)
    {
        Add(services, "fear_greed", async (sp, args, ct) =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(RemoteServices.FearGreed);
            var client = new FearGreedClient(http, sp.GetRequiredService<TimeProvider>(), FearGreedClientOptions.Default with { BaseUri = http.BaseAddress! });
            var reading = await client.GetAsync(Int(args, "limit", 1), ct);
            return reading.Error is not null && reading.Points.Count == 0
                ? throw new InvalidOperationException("fear & greed fetch failed: " + reading.Error)
                : new { points = reading.Points.Select(p => new { day = p.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value = p.Value }), stale = reading.IsStale, error = reading.Error };
        });
        Add(services, "risk_evaluation", async (sp, args, ct) =>
        {
            var rt = sp.GetRequiredService<TradingRuntime>();
            await rt.Gate.WaitAsync(ct);
            try
            {
                var risk = rt.Risk ?? throw new InvalidOperationException("risk manager not started");
                var symbol = args.GetValueOrDefault("symbol") ?? rt.Bars?.Symbol ?? "BTC/USDT";
                var price = Double(args, "price", rt.Bars is { } b && rt.BarIndex >= 0 ? b.Close[rt.BarIndex] : 0);
                var equity = rt.Curve.Count > 0 ? rt.Curve[^1].Equity : rt.InitialEquity;
                var verdict = risk.EvaluateTradeRisk(new OrderIntent(symbol, Double(args, "quantity", 0), price), new TradeRiskContext(new PortfolioSnapshot(equity, [])));
                return (object?)verdict;
            }
            finally
            {
                rt.Gate.Release();
            }
        });
        Add(services, "paper_trade", async (sp, _, ct) =>
        {
            var rt = sp.GetRequiredService<TradingRuntime>();
            await rt.Gate.WaitAsync(ct);
            try
            {
                return (object?)new { portfolio = TradingViews.Portfolio(rt, withCurve: false), orders = TradingViews.Orders(rt, 10), finished = rt.Finished };
            }
            finally
            {
                rt.Gate.Release();
            }
        });
        Add(services, "monitoring", (sp, _, _) =>
            Task.FromResult<object?>(new { health = sp.GetRequiredService<TradingSystemManager>().Health(), connections = sp.GetRequiredService<RetailConnectionOptimizer>().Snapshot() }));
        Add(services, "decisions", (sp, args, ct) =>
            sp.GetRequiredService<WorkspaceDb>().UseAsync<object?>(d => new Engine.Decisions.DecisionStore(d).List(Int(args, "limit", 20), args.GetValueOrDefault("status") == "pending"), ct));
        Add(services, "evolution", (sp, _, ct) =>
            sp.GetRequiredService<WorkspaceDb>().UseAsync<object?>(d => new EvolutionRunStore(d, sp.GetRequiredService<TimeProvider>()).List(), ct));
        return services;
    }

    private static void Add(IServiceCollection services, string name, Func<IServiceProvider, IReadOnlyDictionary<string, string>, CancellationToken, Task<object?>> run) =>
        services.AddSingleton<IOperationHandler>(sp => new DelegateOperation(name, (args, ct) => run(sp, args, ct)));

    private static int Int(IReadOnlyDictionary<string, string> args, string key, int fallback) =>
        args.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : fallback;

    private static double Double(IReadOnlyDictionary<string, string> args, string key, double fallback) =>
        args.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : fallback;
}
