using System.Text.Json;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Evolution.Persistence;
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
    /// <summary>One strategy of the deployment store with the metrics to show (<see cref="ReadAsync"/>).</summary>
    internal sealed record Stored(DeployedStrategy Strategy, MetricsView? Backtest, MetricsView? OutOfSample);

    /// <summary>
    /// The deployment store's strategies (empty without a workspace database). One taken from an evolution run
    /// (source <c>run:RUN#RANK</c>) shows that hall-of-fame entry's training (backtest) and out-of-sample metrics; any
    /// other its recorded backtest.
    /// </summary>
    public static async Task<IReadOnlyList<Stored>> ReadAsync(WorkspaceDb db, CancellationToken ct) =>
        db.Exists ? await db.UseAsync(Read, ct) : [];

    internal static IReadOnlyList<Stored> Read(Engine.Storage.ResearchDatabase d)
    {
        var runs = new Dictionary<string, IReadOnlyList<StoredHallOfFameEntry>>(StringComparer.Ordinal);
        return [.. new DeploymentStore(d).List().Select(s =>
        {
            if (RunEntry(s.Source) is not { } source)
            {
                return new Stored(s, Metrics(s.Backtest), null);
            }

            if (!runs.TryGetValue(source.Run, out var entries))
            {
                runs[source.Run] = entries = new RunReader(d).HallOfFame(source.Run);
            }

            var e = entries.FirstOrDefault(x => x.List == "hall_of_fame" && x.Rank == source.Rank);
            return e is null ? new Stored(s, Metrics(s.Backtest), null) : new Stored(s, Metrics(e.Train) ?? Metrics(s.Backtest), Metrics(e.OutOfSample));
        })];
    }

    public static IReadOnlyList<StrategyView> Merge(IReadOnlyList<StrategyView> traded, IReadOnlyList<Stored> pool)
    {
        var byId = pool.ToDictionary(d => d.Strategy.Id, StringComparer.OrdinalIgnoreCase);
        var rows = traded.Select(s => byId.TryGetValue(s.Id, out var d) ? s with { Stage = DeploymentStore.Name(d.Strategy.Stage) } : s).ToList();
        var tradedIds = traded.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        rows.AddRange(pool.Where(p => !tradedIds.Contains(p.Strategy.Id)).OrderBy(p => p.Strategy.Stage).ThenBy(p => p.Strategy.Id, StringComparer.Ordinal).Select(p =>
            new StrategyView(p.Strategy.Id, p.Strategy.SeedType, p.Strategy.PluginVersion, Genes(p.Strategy.GenesJson), DeploymentStore.Name(p.Strategy.Stage), false,
                p.Backtest, p.OutOfSample, Metrics(p.Strategy.Paper), [], Controllable: false)));
        return rows;
    }

    /// <summary>"run:evo-0001#3" -> (evo-0001, 3); null for another source.</summary>
    internal static (string Run, int Rank)? RunEntry(string source)
    {
        var hash = source.LastIndexOf('#');
        if (!source.StartsWith("run:", StringComparison.Ordinal) || hash < 4)
        {
            return null;
        }

        return int.TryParse(source.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rank)
            ? (source[4..hash], rank) : null;
    }

    private static MetricsView? Metrics(StoredMetrics m) =>
        m.Sharpe is not { } sharpe ? null : new MetricsView(m.TotalReturn ?? 0, sharpe, m.MaxDrawdown ?? 0, m.Trades is { } t ? (int)t : null, null);

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
