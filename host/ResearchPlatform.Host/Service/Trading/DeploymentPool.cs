using System.Text.Json;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The strategy pool of GET /api/strategies: the strategies the service trades, each with its deployment stage when the
/// workspace's deployment store knows it, followed by the store's other strategies (candidate, backtested, approved,
/// retired, ...) with their recorded backtest and paper metrics; those are not traded here, so not controllable.
/// </summary>
internal static class DeploymentPool
{
    /// <summary>The deployment store's strategies (empty without a workspace database).</summary>
    public static async Task<IReadOnlyList<DeployedStrategy>> ReadAsync(WorkspaceDb db, CancellationToken ct) =>
        db.Exists ? await db.UseAsync(d => new DeploymentStore(d).List(), ct) : [];

    public static IReadOnlyList<StrategyView> Merge(IReadOnlyList<StrategyView> traded, IReadOnlyList<DeployedStrategy> pool)
    {
        var byId = pool.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        var rows = traded.Select(s => byId.TryGetValue(s.Id, out var d) ? s with { Stage = DeploymentStore.Name(d.Stage) } : s).ToList();
        var tradedIds = traded.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        rows.AddRange(pool.Where(d => !tradedIds.Contains(d.Id)).OrderBy(d => d.Stage).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d =>
            new StrategyView(d.Id, d.SeedType, d.PluginVersion, Genes(d.GenesJson), DeploymentStore.Name(d.Stage), false, Metrics(d.Backtest), null, Metrics(d.Paper), [], Controllable: false)));
        return rows;
    }

    /// <summary>A recorded stage performance as the API's metrics (the store records no win rate; trades when reported).</summary>
    private static MetricsView? Metrics(StrategyPerformance? p) =>
        p is null ? null : new MetricsView(p.TotalReturn, p.Sharpe, p.MaxDrawdown, p.Trades, null);

    private static Dictionary<string, double> Genes(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
