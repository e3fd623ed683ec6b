using System.Globalization;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Evolution.Statistics;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>
/// What <c>rp evolve</c> and <c>rp runs show</c> print, read back from DuckDB (so what is shown is what landed):
/// the run, its walk-forward layout, per-generation statistics, the hall of fame and Pareto front with in-sample,
/// out-of-sample and hold-out metrics, and the deflated Sharpe ratio of the best individual.
/// </summary>
internal sealed record RunReport(
    string RunId,
    string Status,
    string? Termination,
    string Symbol,
    string Interval,
    int Bars,
    string DataSource,
    string DatasetKey,
    string CostModel,
    int Seed,
    string Objective,
    int Population,
    int MaxGenerations,
    int CompletedGenerations,
    long? DistinctEvaluations,
    IReadOnlyList<SeedTypeRef> SeedTypes,
    WalkForwardReport WalkForward,
    NichingReport Niching,
    GeneticReport Genetic,
    IReadOnlyList<GenerationStats> Generations,
    IReadOnlyList<HallOfFameReport> HallOfFame,
    IReadOnlyList<HallOfFameReport> ParetoFront,
    DeflatedSharpeResult? DeflatedSharpe,
    string CreatedAt,
    string? FinishedAt)
{
    /// <summary>Reads run <paramref name="runId"/>; null when there is no such run.</summary>
    public static RunReport? Load(ResearchDatabase db, string runId)
    {
        var run = new EvolutionRunStore(db, TimeProvider.System).Find(runId);
        if (run is null)
        {
            return null;
        }

        var reader = new RunReader(db);
        var entries = reader.HallOfFame(runId).Select(HallOfFameReport.From).ToList();
        return new RunReport(
            run.RunId,
            EvolutionRunStore.Name(run.Status),
            run.Termination is { } t ? EvolutionRunStore.Name(t) : null,
            run.Symbol,
            run.Interval,
            run.BarCount,
            run.DataSource,
            run.DatasetKey,
            run.CostModel,
            run.Seed,
            EvolutionRunStore.Name(run.Objective),
            run.Population,
            run.MaxGenerations,
            run.CompletedGenerations,
            run.DistinctEvaluations,
            run.SeedTypes,
            WalkForwardReport.From(WalkForwardPlanner.Plan(run.BarCount, run.Config.WalkForward)),
            NichingReport.From(run.Config.Evolution),
            GeneticReport.From(run.Config.Evolution),
            reader.Generations(runId).Select(g => g.Stats).ToList(),
            entries.Where(e => e.List == "hall_of_fame").ToList(),
            entries.Where(e => e.List == "pareto_front").ToList(),
            run.DeflatedSharpe,
            Iso(run.CreatedAt),
            run.FinishedAt is { } f ? Iso(f) : null);
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
