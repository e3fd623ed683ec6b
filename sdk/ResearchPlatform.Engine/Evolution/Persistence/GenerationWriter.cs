using DuckDB.NET.Data;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>
/// Writes a run's progress: each completed generation (its new individuals, its statistics row and the run's completed
/// generation count) in one transaction, so a stopped or crashed run holds only whole generations; and, at the end, the
/// hall of fame and Pareto front with hold-out metrics together with the run's outcome.
/// </summary>
internal sealed class GenerationWriter
{
    private readonly ResearchDatabase _db;
    private readonly EvolutionRunStore _runs;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, SeedTypeGenome> _genomes;

    public GenerationWriter(ResearchDatabase db, TimeProvider time, IEnumerable<SeedTypeGenome> genomes)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(genomes);
        _db = db;
        _time = time;
        _runs = new EvolutionRunStore(db, time);
        _genomes = genomes.ToDictionary(g => g.SeedTypeId, StringComparer.Ordinal);
    }

    /// <summary>Stores generation <see cref="GenerationSnapshot.Generation"/> of run <paramref name="runId"/>.</summary>
    public void WriteGeneration(string runId, GenerationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var con = _db.Connection;
        using var tx = con.BeginTransaction();
        using (var app = con.CreateAppender("individuals"))
        {
            foreach (var e in snapshot.NewlyEvaluated)
            {
                AppendIndividual(app, runId, e, snapshot.GenerationPlan);
            }
        }

        var s = snapshot.Stats;
        var now = _time.GetUtcNow().UtcDateTime;
        con.Execute(
            "INSERT INTO generations VALUES ($r, $g, $best, $mean, $med, $std, $o1, $o2, $front, $bi, $div, $uniq, $counts, $ev, $hits, $fail, $to, $imm, $es, $gs, $sps, $pop, $now)",
            ("r", runId),
            ("g", s.Generation),
            ("best", s.BestFitness),
            ("mean", s.MeanFitness),
            ("med", s.MedianFitness),
            ("std", s.StdFitness),
            ("o1", s.BestObjective1),
            ("o2", s.BestObjective2),
            ("front", s.ParetoFrontSize),
            ("bi", s.BestIndividual),
            ("div", s.Diversity.MeanGeneDistance),
            ("uniq", s.Diversity.UniqueIndividuals),
            ("counts", PersistenceJson.Write(s.Diversity.SeedTypeCounts)),
            ("ev", s.Evaluations),
            ("hits", s.CacheHits),
            ("fail", s.Failures),
            ("to", s.Timeouts),
            ("imm", s.Immigrants),
            ("es", s.EvalSeconds),
            ("gs", s.GenerationSeconds),
            ("sps", s.StepsPerSecond),
            ("pop", PersistenceJson.Write(snapshot.Population.Select(p => p.Sequence))),
            ("now", now));
        if (s.Distribution is { } d)
        {
            con.Execute(
                "INSERT INTO generation_cluster VALUES ($r, $g, $mode, $batches, $failed, $to, $resub, $local, $workers)",
                ("r", runId),
                ("g", s.Generation),
                ("mode", d.Mode),
                ("batches", d.Batches),
                ("failed", d.FailedEvaluations),
                ("to", d.Timeouts),
                ("resub", d.Resubmitted),
                ("local", d.LocalFallback),
                ("workers", PersistenceJson.Write(d.Workers)));
        }

        con.Execute(
            "UPDATE evolution_runs SET completed_generations = $n, status = 'running', updated_at = $now WHERE run_id = $r",
            ("n", s.Generation + 1),
            ("now", now),
            ("r", runId));
        tx.Commit();
    }

    /// <summary>Stores the hall of fame, the Pareto front (with hold-out metrics) and the run's outcome, all at once.</summary>
    public void WriteResult(string runId, EvolutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var con = _db.Connection;
        using var tx = con.BeginTransaction();
        con.Execute("DELETE FROM hall_of_fame WHERE run_id = $r", ("r", runId));
        using (var app = con.CreateAppender("hall_of_fame"))
        {
            foreach (var (list, entries) in new[] { ("hall_of_fame", result.HallOfFame), ("pareto_front", result.ParetoFront) })
            {
                foreach (var h in entries)
                {
                    var m = StoredMetrics.From(h.Holdout);
                    var row = app.CreateRow().AppendValue(runId).AppendValue(list).AppendValue(h.Rank).AppendValue(h.Entry.Sequence)
                        .AppendValue(EvolutionRunStore.Name(h.HoldoutEvaluation.Status));
                    Nullable(row, m.Sharpe);
                    Nullable(row, m.TotalReturn);
                    Nullable(row, m.MaxDrawdown);
                    Nullable(row, m.Trades);
                    row.AppendValue(PersistenceJson.Write(StoredWindow.ListOf(result.HoldoutPlan, h.HoldoutEvaluation))).EndRow();
                }
            }
        }

        _runs.Complete(runId, result.Termination, result.DistinctEvaluations, result.DeflatedSharpe);
        tx.Commit();
    }

    /// <summary>The genes of an individual as a JSON object keyed by gene name (seed-type order).</summary>
    public string GenesJson(Individual individual)
    {
        ArgumentNullException.ThrowIfNull(individual);
        var specs = _genomes.TryGetValue(individual.SeedTypeId, out var g) ? g.Genes : null;
        var named = new Dictionary<string, double>(individual.Genes.Length, StringComparer.Ordinal);
        for (var i = 0; i < individual.Genes.Length; i++)
        {
            named[specs is not null && i < specs.Count ? specs[i].Name : "g" + i] = individual.Genes[i];
        }

        return PersistenceJson.Write(named);
    }

    private void AppendIndividual(DuckDBAppender app, string runId, EvaluatedIndividual e, EvaluationPlan plan)
    {
        var s = e.Score;
        var train = StoredMetrics.From(s.Train);
        var oos = StoredMetrics.From(s.OutOfSample);
        var row = app.CreateRow()
            .AppendValue(runId)
            .AppendValue(e.Sequence)
            .AppendValue(e.Generation)
            .AppendValue(e.Individual.SeedTypeId)
            .AppendValue(e.Individual.PluginVersion)
            .AppendValue(GenesJson(e.Individual))
            .AppendValue(EvolutionRunStore.Name(e.Evaluation.Status));
        if (e.Evaluation.Error is null)
        {
            row.AppendNullValue();
        }
        else
        {
            row.AppendValue(e.Evaluation.Error);
        }

        Nullable(row, StoredMetrics.Finite(s.Fitness));
        Nullable(row, StoredMetrics.Finite(s.Objective1));
        Nullable(row, StoredMetrics.Finite(s.Objective2));
        foreach (var m in new[] { train, oos })
        {
            Nullable(row, m.Sharpe);
            Nullable(row, m.TotalReturn);
            Nullable(row, m.MaxDrawdown);
            Nullable(row, m.Trades);
        }

        row.AppendValue(PersistenceJson.Write(StoredWindow.ListOf(plan, e.Evaluation))).EndRow();
    }

    private static void Nullable(IDuckDBAppenderRow row, double? value)
    {
        if (value is { } v)
        {
            row.AppendValue(v);
        }
        else
        {
            row.AppendNullValue();
        }
    }

    private static void Nullable(IDuckDBAppenderRow row, long? value)
    {
        if (value is { } v)
        {
            row.AppendValue(v);
        }
        else
        {
            row.AppendNullValue();
        }
    }
}
