using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.RiskEvolution;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Backtest;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Commands.RiskEvolution;

/// <summary>
/// The fixed strategies of a risk-genome evolution: <c>--strategies RUN_ID:N</c> (the top N of a run's hall of fame) or
/// <c>--seed ID [--gene name=value]...</c> (one strategy). Exactly one of the two forms is required.
/// </summary>
internal static class RiskStrategyArguments
{
    /// <summary>The strategies and a text saying where they come from.</summary>
    public static (IReadOnlyList<RiskStrategy> Strategies, string From) Resolve(
        ResearchDatabase db, IReadOnlyList<LoadedSeedType> loaded, string? strategies, string? seedId, IReadOnlyList<string> genes, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(output);
        var fromRun = !string.IsNullOrWhiteSpace(strategies);
        if (fromRun == !string.IsNullOrWhiteSpace(seedId))
        {
            throw new BadInputException("give either --strategies RUN_ID:N (top N of an evolution run's hall of fame) or --seed ID [--gene name=value]...");
        }

        if (fromRun && genes.Count > 0)
        {
            throw new BadInputException("--gene applies to --seed only");
        }

        return fromRun ? FromRun(db, loaded, strategies!) : FromSeed(loaded, seedId!, genes, output);
    }

    /// <summary>Rebuilds stored strategies (for --resume) from the loaded seed types.</summary>
    public static IReadOnlyList<RiskStrategy> FromStored(IReadOnlyList<LoadedSeedType> loaded, IReadOnlyList<StoredRiskStrategy> stored) =>
        stored.Select(s => new RiskStrategy(Find(loaded, s.SeedType, "the run").Seed, s.Genes, s.Label)).ToList();

    /// <summary>The stored form of <paramref name="strategies"/>.</summary>
    public static IReadOnlyList<StoredRiskStrategy> ToStored(IReadOnlyList<RiskStrategy> strategies) =>
        strategies.Select(s => new StoredRiskStrategy(s.Seed.Id, s.Genes.ToArray(), s.Label)).ToList();

    private static (IReadOnlyList<RiskStrategy>, string) FromSeed(IReadOnlyList<LoadedSeedType> loaded, string seedId, IReadOnlyList<string> genes, CliOutput output)
    {
        var seed = Find(loaded, seedId, "--seed").Seed;
        var vector = GeneArguments.Parse(seed, genes, out var warnings);
        foreach (var w in warnings)
        {
            output.Warn(w);
        }

        var label = seed.Id + " " + GeneArguments.Text(seed, vector);
        return ([new RiskStrategy(seed, vector, label)], "seed " + seed.Id);
    }

    private static (IReadOnlyList<RiskStrategy>, string) FromRun(ResearchDatabase db, IReadOnlyList<LoadedSeedType> loaded, string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var top) || top < 1)
        {
            throw new BadInputException($"--strategies '{text}': expected RUN_ID:N with N >= 1, e.g. evo-0001:3");
        }

        var runId = text[..colon];
        if (new EvolutionRunStore(db, TimeProvider.System).Find(runId) is null)
        {
            throw new BadInputException($"--strategies: no evolution run '{runId}' in this workspace (see: rp runs list)");
        }

        var members = new RunReader(db).HallOfFame(runId).Where(e => e.List == "hall_of_fame").OrderBy(e => e.Rank).Take(top).ToList();
        if (members.Count == 0)
        {
            throw new BadInputException($"--strategies: run {runId} has no hall of fame yet (it completes when the run does)");
        }

        if (members.Any(m => m.SeedType.StartsWith(RiskGenomeSeedAdapter.Prefix, StringComparison.Ordinal)))
        {
            throw new BadInputException($"--strategies: run {runId} evolved risk genomes, not strategies");
        }

        var list = members.Select(m =>
        {
            var seed = Find(loaded, m.SeedType, $"run {runId}").Seed;
            return new RiskStrategy(seed, GenesOf(seed, m.GenesJson, runId), string.Create(CultureInfo.InvariantCulture, $"{runId}#{m.Rank} {m.SeedType}"));
        }).ToList();
        return (list, string.Create(CultureInfo.InvariantCulture, $"{runId}:top{list.Count}"));
    }

    private static double[] GenesOf(ISeedType seed, string json, string runId)
    {
        using var doc = JsonDocument.Parse(json);
        var genes = new double[seed.Genes.Count];
        for (var i = 0; i < genes.Length; i++)
        {
            if (!doc.RootElement.TryGetProperty(seed.Genes[i].Name, out var v) || v.ValueKind != JsonValueKind.Number)
            {
                throw new BadInputException($"--strategies: run {runId} has no gene '{seed.Genes[i].Name}' for seed type '{seed.Id}' (the plugin changed since the run)");
            }

            genes[i] = v.GetDouble();
        }

        var (errors, _) = GeneValidation.Check(seed, genes);
        return errors.Count == 0 ? genes : throw new BadInputException($"--strategies: run {runId} genes are invalid for the loaded '{seed.Id}': {string.Join("; ", errors)}");
    }

    private static LoadedSeedType Find(IReadOnlyList<LoadedSeedType> loaded, string id, string who) =>
        loaded.FirstOrDefault(s => string.Equals(s.Seed.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new BadInputException($"{who}: unknown seed type '{id}' (loaded: {(loaded.Count == 0 ? "none" : string.Join(", ", loaded.Select(s => s.Seed.Id)))})");
}
