using System.Data.Common;
using System.Text.Json;
using ResearchPlatform.Engine.Evolution.Distribution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Statistics;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>
/// Reads a stored run back: its generations, its hall of fame, and the checkpoint to resume it from (the last completed
/// generation's population plus every evaluation, rebuilt exactly from the stored genes and per-window metrics).
/// </summary>
internal sealed class RunReader
{
    private readonly ResearchDatabase _db;

    public RunReader(ResearchDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
    }

    /// <summary>The completed generations of a run, in order.</summary>
    public IReadOnlyList<StoredGeneration> Generations(string runId)
    {
        using var cmd = _db.Connection.Prepare(
            "SELECT generation, best_fitness, mean_fitness, median_fitness, std_fitness, best_objective1, best_objective2, pareto_front_size, best_individual, " +
            "mean_gene_distance, unique_individuals, seed_type_counts, evaluations, cache_hits, failures, g.timeouts, immigrants, eval_seconds, generation_seconds, " +
            "steps_per_second, population, c.mode, c.batches, c.failed_evaluations, c.timeouts, c.resubmitted, c.local_fallback, c.workers " +
            "FROM generations g LEFT JOIN generation_cluster c USING (run_id, generation) WHERE run_id = $r ORDER BY generation",
            ("r", runId));
        using var r = cmd.ExecuteReader();
        var list = new List<StoredGeneration>();
        while (r.Read())
        {
            var counts = PersistenceJson.Read<Dictionary<string, int>>(r.GetString(11), $"run {runId} seed_type_counts");
            var stats = new GenerationStats(
                r.GetInt32(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.GetInt32(7), r.GetString(8),
                new DiversitySnapshot(r.GetDouble(9), r.GetInt32(10), counts),
                r.GetInt32(12), r.GetInt32(13), r.GetInt32(14), r.GetInt32(15), r.GetInt32(16), r.GetDouble(17), r.GetDouble(18), r.GetDouble(19),
                r.IsDBNull(21) ? null : new EvaluationDistribution(
                    r.GetString(21), r.GetInt32(22), r.GetInt32(23), r.GetInt32(24), r.GetInt32(25), r.GetInt32(26),
                    PersistenceJson.Read<List<WorkerStats>>(r.GetString(27), $"run {runId} cluster workers")));
            list.Add(new StoredGeneration(stats, PersistenceJson.Read<List<long>>(r.GetString(20), $"run {runId} population")));
        }

        return list;
    }

    /// <summary>
    /// The checkpoint after the last completed generation, or null when none completed. Throws
    /// <see cref="InvalidDataException"/> when stored individuals do not fit <paramref name="plan"/> or the loaded seed types.
    /// </summary>
    public EvolutionCheckpoint? Checkpoint(string runId, EvaluationPlan plan, IEnumerable<SeedTypeGenome> genomes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(genomes);
        var generations = Generations(runId);
        if (generations.Count == 0)
        {
            return null;
        }

        var last = generations[^1].Stats.Generation;
        var byId = genomes.ToDictionary(g => g.SeedTypeId, StringComparer.Ordinal);
        using var cmd = _db.Connection.Prepare(
            "SELECT sequence, generation, seed_type, plugin_version, genes, status, error, windows FROM individuals WHERE run_id = $r AND generation <= $g ORDER BY sequence",
            ("r", runId),
            ("g", last));
        using var r = cmd.ExecuteReader();
        var archive = new List<EvaluatedIndividual>();
        var bySequence = new Dictionary<long, Individual>();
        while (r.Read())
        {
            var entry = ReadIndividual(r, runId, plan, byId);
            archive.Add(entry);
            bySequence[entry.Sequence] = entry.Individual;
        }

        var population = generations[^1].Population
            .Select(s => bySequence.TryGetValue(s, out var ind) ? ind : throw new InvalidDataException($"run {runId}: generation {last} lists individual {s}, which is not stored"))
            .ToList();
        return new EvolutionCheckpoint(last, population, archive, generations.Select(g => g.Stats).ToList());
    }

    /// <summary>The stored hall of fame and Pareto front of a completed run, by list and rank.</summary>
    public IReadOnlyList<StoredHallOfFameEntry> HallOfFame(string runId)
    {
        using var cmd = _db.Connection.Prepare(
            "SELECT h.list, h.rank, h.sequence, i.seed_type, i.plugin_version, i.genes, i.fitness, i.train_sharpe, i.train_return, i.train_max_drawdown, i.train_trades, " +
            "i.oos_sharpe, i.oos_return, i.oos_max_drawdown, i.oos_trades, h.holdout_status, h.holdout_sharpe, h.holdout_return, h.holdout_max_drawdown, h.holdout_trades " +
            "FROM hall_of_fame h JOIN individuals i ON i.run_id = h.run_id AND i.sequence = h.sequence WHERE h.run_id = $r ORDER BY h.list, h.rank",
            ("r", runId));
        using var r = cmd.ExecuteReader();
        var list = new List<StoredHallOfFameEntry>();
        while (r.Read())
        {
            list.Add(new StoredHallOfFameEntry(
                r.GetString(0), r.GetInt32(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetString(5), D(r, 6),
                Metrics(r, 7), Metrics(r, 11), ParseStatus(r.GetString(15)), Metrics(r, 16)));
        }

        return list;
    }

    private static EvaluatedIndividual ReadIndividual(DbDataReader r, string runId, EvaluationPlan plan, Dictionary<string, SeedTypeGenome> genomes)
    {
        var sequence = r.GetInt64(0);
        var seedType = r.GetString(2);
        var where = $"run {runId} individual {sequence}";
        if (!genomes.TryGetValue(seedType, out var genome))
        {
            throw new InvalidDataException($"{where}: seed type '{seedType}' is not loaded");
        }

        var genes = ReadGenes(r.GetString(4), genome, where);
        var status = ParseStatus(r.GetString(5));
        var error = r.IsDBNull(6) ? null : r.GetString(6);
        var windows = PersistenceJson.Read<List<StoredWindow>>(r.GetString(7), where + " windows");
        IndividualEvaluation evaluation;
        if (status == EvaluationStatus.Ok)
        {
            CheckWindows(windows, plan, where);
            evaluation = IndividualEvaluation.Ok(windows.Select(w => w.ToMetrics()).ToList());
        }
        else
        {
            evaluation = new IndividualEvaluation(status, [], error);
        }

        var individual = new Individual(seedType, r.GetString(3), genes);
        return new EvaluatedIndividual(individual, evaluation, FitnessScore.Failed, r.GetInt32(1), sequence);
    }

    private static double[] ReadGenes(string json, SeedTypeGenome genome, string where)
    {
        using var doc = JsonDocument.Parse(json);
        var genes = new double[genome.Genes.Count];
        for (var i = 0; i < genes.Length; i++)
        {
            if (!doc.RootElement.TryGetProperty(genome.Genes[i].Name, out var value) || !value.TryGetDouble(out genes[i]))
            {
                throw new InvalidDataException($"{where}: gene '{genome.Genes[i].Name}' of seed type '{genome.SeedTypeId}' is missing (was the plugin changed?)");
            }
        }

        return genes;
    }

    private static void CheckWindows(List<StoredWindow> windows, EvaluationPlan plan, string where)
    {
        var ok = windows.Count == plan.Windows.Count;
        for (var i = 0; ok && i < windows.Count; i++)
        {
            var p = plan.Windows[i];
            ok = windows[i].Role == p.Role && windows[i].Fold == p.Fold && windows[i].Start == p.Bars.Start && windows[i].End == p.Bars.End;
        }

        if (!ok)
        {
            throw new InvalidDataException($"{where}: stored windows do not match the run's walk-forward plan");
        }
    }

    private static EvaluationStatus ParseStatus(string text) => PersistenceJson.Read<EvaluationStatus>("\"" + text + "\"", "status");

    private static double? D(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static StoredMetrics Metrics(DbDataReader r, int i) =>
        new(D(r, i), D(r, i + 1), D(r, i + 2), r.IsDBNull(i + 3) ? null : r.GetInt64(i + 3));
}
