using System.Data.Common;
using System.Globalization;
using ResearchPlatform.Engine.Evolution.Statistics;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>
/// The <c>evolution_runs</c> table: creates runs with deterministic ids (<c>evo-0001</c>, <c>evo-0002</c>, ...), updates
/// their status and outcome, lists and reads them. Generations and individuals go through <see cref="GenerationWriter"/>
/// and come back through <see cref="RunReader"/>.
/// </summary>
internal sealed class EvolutionRunStore
{
    private const string Columns =
        "run_id, created_at, updated_at, status, symbol, interval, data_source, dataset_key, cost_model, bar_count, seed, objective, " +
        "population, max_generations, seed_types, config, completed_generations, termination, distinct_evaluations, deflated_sharpe, finished_at";

    private readonly ResearchDatabase _db;
    private readonly TimeProvider _time;

    public EvolutionRunStore(ResearchDatabase db, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        _db = db;
        _time = time;
    }

    /// <summary>The id the next run gets: one more than the highest <c>evo-N</c> so far.</summary>
    public string NextRunId()
    {
        var max = _db.Connection.Scalar(
            "SELECT max(TRY_CAST(substr(run_id, 5) AS INTEGER)) FROM evolution_runs WHERE run_id LIKE 'evo-%'");
        var next = max is null or DBNull ? 1 : Convert.ToInt32(max, CultureInfo.InvariantCulture) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"evo-{next:D4}");
    }

    /// <summary>Inserts a new run in status running with no completed generation; returns the stored record.</summary>
    public EvolutionRunRecord Create(string runId, string symbol, string interval, string dataSource, string datasetKey, string costModel, int barCount, IReadOnlyList<SeedTypeRef> seedTypes, EvolutionRunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var now = _time.GetUtcNow();
        var o = config.Evolution;
        _db.Connection.Execute(
            $"INSERT INTO evolution_runs ({Columns}) VALUES ($id, $now, $now, 'running', $sym, $iv, $src, $ds, $cost, $bars, $seed, $obj, $pop, $gens, $types, $config, 0, NULL, NULL, NULL, NULL)",
            ("id", runId),
            ("now", now.UtcDateTime),
            ("sym", symbol),
            ("iv", interval),
            ("src", dataSource),
            ("ds", datasetKey),
            ("cost", costModel),
            ("bars", barCount),
            ("seed", o.Seed),
            ("obj", Name(o.Objective)),
            ("pop", o.PopulationSize),
            ("gens", o.Generations),
            ("types", PersistenceJson.Write(seedTypes)),
            ("config", PersistenceJson.Write(config)));
        return Find(runId) ?? throw new InvalidOperationException($"run {runId} was not stored");
    }

    /// <summary>Sets a run's status (and the update time).</summary>
    public void SetStatus(string runId, EvolutionRunStatus status) =>
        _db.Connection.Execute(
            "UPDATE evolution_runs SET status = $s, updated_at = $now WHERE run_id = $id",
            ("s", Name(status)),
            ("now", _time.GetUtcNow().UtcDateTime),
            ("id", runId));

    /// <summary>Records a finished run's outcome (called inside the transaction that stores its hall of fame).</summary>
    internal void Complete(string runId, TerminationReason termination, long distinctEvaluations, DeflatedSharpeResult? dsr)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        _db.Connection.Execute(
            "UPDATE evolution_runs SET status = 'completed', termination = $t, distinct_evaluations = $n, deflated_sharpe = $dsr, updated_at = $now, finished_at = $now WHERE run_id = $id",
            ("t", Name(termination)),
            ("n", distinctEvaluations),
            ("dsr", dsr is null ? null : PersistenceJson.Write(dsr)),
            ("now", now),
            ("id", runId));
    }

    /// <summary>The run, or null when there is none with that id.</summary>
    public EvolutionRunRecord? Find(string runId)
    {
        using var cmd = _db.Connection.Prepare($"SELECT {Columns} FROM evolution_runs WHERE run_id = $id", ("id", runId));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadRecord(reader) : null;
    }

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<EvolutionRunRecord> List()
    {
        using var cmd = _db.Connection.Prepare($"SELECT {Columns} FROM evolution_runs ORDER BY created_at, run_id");
        using var reader = cmd.ExecuteReader();
        var list = new List<EvolutionRunRecord>();
        while (reader.Read())
        {
            list.Add(ReadRecord(reader));
        }

        return list;
    }

    /// <summary>The stored (snake_case) name of an enum value.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => PersistenceJson.Write(value).Trim('"');

    private static T Parse<T>(string text)
        where T : struct, Enum => PersistenceJson.Read<T>("\"" + text + "\"", typeof(T).Name);

    private static DateTimeOffset Utc(DbDataReader r, int i) => new(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));

    private static EvolutionRunRecord ReadRecord(DbDataReader r)
    {
        var id = r.GetString(0);
        return new EvolutionRunRecord(
            id,
            Utc(r, 1),
            Utc(r, 2),
            Parse<EvolutionRunStatus>(r.GetString(3)),
            r.GetString(4),
            r.GetString(5),
            r.GetString(6),
            r.GetString(7),
            r.GetString(8),
            r.GetInt32(9),
            r.GetInt32(10),
            Parse<EvolutionObjective>(r.GetString(11)),
            r.GetInt32(12),
            r.GetInt32(13),
            PersistenceJson.Read<List<SeedTypeRef>>(r.GetString(14), $"run {id} seed_types"),
            EvolutionRunConfig.Read(r.GetString(15), $"run {id} config"),
            r.GetInt32(16),
            r.IsDBNull(17) ? null : Parse<TerminationReason>(r.GetString(17)),
            r.IsDBNull(18) ? null : r.GetInt64(18),
            r.IsDBNull(19) ? null : PersistenceJson.Read<DeflatedSharpeResult>(r.GetString(19), $"run {id} deflated_sharpe"),
            r.IsDBNull(20) ? null : Utc(r, 20));
    }
}
