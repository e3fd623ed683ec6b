using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Paper;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Which strategies <c>rp serve --mode live</c> trades: the workspace's strategies in the <c>live</c> deployment stage
/// when there are any (their seed type and genes; client id prefix <c>L-ID</c>, so a changed set never reuses another
/// strategy's ids), otherwise the pool (one per seed type, prefixes <c>L1</c>, <c>L2</c>, ...).
/// </summary>
internal sealed record LiveStrategies(IReadOnlyList<StrategySlot> Slots, IReadOnlyList<string> Prefixes, string What, string? Error = null)
{
    public static async Task<LiveStrategies> LoadAsync(WorkspaceDb db, IReadOnlyList<StrategySlot> pool, CancellationToken ct)
    {
        var staged = db.Exists ? await db.UseAsync(d => new DeploymentStore(d).List(DeploymentStage.Live), ct) : [];
        if (staged.Count == 0)
        {
            return new LiveStrategies(pool, [.. pool.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"L{i + 1}"))], "no strategy in the live deployment stage: the pool's, one per seed type");
        }

        var seeds = pool.Select(s => s.Strategy.Seed).DistinctBy(s => s.Id).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var slots = new List<StrategySlot>();
        foreach (var d in staged)
        {
            if (!seeds.TryGetValue(d.SeedType, out var seed))
            {
                return new LiveStrategies([], [], string.Empty, $"strategy {d.Id} (deployment stage live): seed type '{d.SeedType}' is not loaded (rp plugins list)");
            }

            using var genes = JsonDocument.Parse(d.GenesJson);
            var values = seed.Genes.Select(g => genes.RootElement.TryGetProperty(g.Name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : g.Default).ToArray();
            slots.Add(new StrategySlot(new PaperStrategy(d.Id, seed, values), d.PluginVersion));
        }

        return new LiveStrategies(slots, [.. slots.Select(s => "L-" + s.Id)], $"the live deployment stage's: {string.Join(", ", slots.Select(s => s.Id))}");
    }
}
