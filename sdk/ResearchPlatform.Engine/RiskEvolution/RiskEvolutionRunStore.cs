using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.RiskEvolution;

/// <summary>
/// The <c>risk_evolution_runs</c> table: the risk genome definition and the fixed strategies of each risk-genome
/// evolution. Generations, individuals and the hall of fame are in the evolution tables under the same run id.
/// </summary>
internal sealed class RiskEvolutionRunStore
{
    private readonly ResearchDatabase _db;
    private readonly TimeProvider _time;

    public RiskEvolutionRunStore(ResearchDatabase db, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        _db = db;
        _time = time;
    }

    /// <summary>Records what run <paramref name="runId"/> evolves for.</summary>
    public RiskEvolutionRunRecord Create(string runId, string riskDefinition, string strategiesFrom, IReadOnlyList<StoredRiskStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        _db.Connection.Execute(
            "INSERT INTO risk_evolution_runs (run_id, created_at, risk_definition, strategies_from, strategies) VALUES ($id, $now, $def, $from, $s)",
            ("id", runId),
            ("now", _time.GetUtcNow().UtcDateTime),
            ("def", riskDefinition),
            ("from", strategiesFrom),
            ("s", PersistenceJson.Write(strategies)));
        return Find(runId) ?? throw new InvalidOperationException($"risk run {runId} was not stored");
    }

    /// <summary>Stores the preset's score next to the run.</summary>
    public void SetBaseline(string runId, RiskBaseline baseline) =>
        _db.Connection.Execute("UPDATE risk_evolution_runs SET baseline = $b WHERE run_id = $id", ("b", PersistenceJson.Write(baseline)), ("id", runId));

    /// <summary>The risk side of run <paramref name="runId"/>, or null when it is not a risk-genome evolution.</summary>
    public RiskEvolutionRunRecord? Find(string runId) => Query("WHERE run_id = $id", ("id", runId)).FirstOrDefault();

    /// <summary>Every risk-genome evolution, oldest first.</summary>
    public IReadOnlyList<RiskEvolutionRunRecord> List() => Query("ORDER BY created_at, run_id");

    private List<RiskEvolutionRunRecord> Query(string tail, params (string Name, object? Value)[] parameters)
    {
        using var cmd = _db.Connection.Prepare("SELECT run_id, created_at, risk_definition, strategies_from, strategies, baseline FROM risk_evolution_runs " + tail, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<RiskEvolutionRunRecord>();
        while (r.Read())
        {
            var id = r.GetString(0);
            list.Add(new RiskEvolutionRunRecord(
                id,
                new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)),
                r.GetString(2),
                r.GetString(3),
                PersistenceJson.Read<List<StoredRiskStrategy>>(r.GetString(4), $"risk run {id} strategies"),
                r.IsDBNull(5) ? null : PersistenceJson.Read<RiskBaseline>(r.GetString(5), $"risk run {id} baseline")));
        }

        return list;
    }
}
