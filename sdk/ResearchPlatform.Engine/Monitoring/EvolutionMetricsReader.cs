using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Reads the newest completed generation from the runs store (<c>generations</c>) as <see cref="EvolutionMetrics"/>:
/// diversity is the mean gene distance, failed evaluations are failures plus timeouts. For a monitor that watches an
/// evolution run in another process, or a host that polls instead of having the engine push. Uses the database's single
/// connection: call it from the thread that owns the connection.
/// </summary>
public static class EvolutionMetricsReader
{
    /// <summary>The latest generation of <paramref name="runId"/> (or of any run when null), or null when there is none.</summary>
    public static EvolutionMetrics? Latest(ResearchDatabase db, string? runId = null)
    {
        using var cmd = db.Connection.Prepare(
            """
            SELECT run_id, generation, COALESCE(best_fitness, 'NaN'::DOUBLE), COALESCE(mean_fitness, 'NaN'::DOUBLE), mean_gene_distance, failures + timeouts
            FROM generations WHERE $run IS NULL OR run_id = $run ORDER BY completed_at DESC, generation DESC LIMIT 1
            """,
            ("run", runId));
        using var rd = cmd.ExecuteReader();
        return rd.Read()
            ? new EvolutionMetrics(rd.GetString(0), rd.GetInt32(1), rd.GetDouble(2), rd.GetDouble(3), rd.GetDouble(4), rd.GetInt32(5))
            : null;
    }
}
