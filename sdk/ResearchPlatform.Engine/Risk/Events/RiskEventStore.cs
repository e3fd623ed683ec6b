using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk.Events;

/// <summary>
/// The <c>risk_events</c> table: the risk events of a source (a saved backtest, a paper session, ...) in order, written
/// in one transaction (all or nothing) and read back for reports and notebooks.
/// </summary>
internal sealed class RiskEventStore
{
    /// <summary>Source kind of a saved backtest (source id = its run id).</summary>
    public const string Backtest = "backtest";

    private readonly ResearchDatabase _db;

    public RiskEventStore(ResearchDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
    }

    /// <summary>Stores <paramref name="events"/> of one source; returns how many were written.</summary>
    /// <exception cref="InvalidOperationException">The source already has stored events.</exception>
    public int Save(string sourceKind, string sourceId, IReadOnlyList<RiskBacktestEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var con = _db.Connection;
        using var tx = con.BeginTransaction();
        var existing = Convert.ToInt64(con.Scalar("SELECT count(*) FROM risk_events WHERE source_kind = $k AND source_id = $id", ("k", sourceKind), ("id", sourceId)), System.Globalization.CultureInfo.InvariantCulture);
        if (existing > 0)
        {
            throw new InvalidOperationException($"risk events of {sourceKind} {sourceId} are already stored");
        }

        for (var i = 0; i < events.Count; i++)
        {
            Insert(sourceKind, sourceId, i, events[i]);
        }

        tx.Commit();
        return events.Count;
    }

    /// <summary>Source kind of a paper session (source id = session id / strategy prefix, e.g. <c>paper-...-ab12cd/S1</c>).</summary>
    public const string Paper = "paper";

    /// <summary>Source kind of <c>rp serve</c>'s paper engine (source id = the service run's start stamp).</summary>
    public const string Serve = "serve";

    /// <summary>Source kind of the market replay of a risk-genome evolution run (source id = run id / genome).</summary>
    public const string EvolveRisk = "evolve-risk";

    /// <summary>
    /// Appends <paramref name="events"/> to a source that is still recording (a running session), numbering them after
    /// the source's stored events, in one transaction. Returns the next free sequence number.
    /// </summary>
    public int Append(string sourceKind, string sourceId, IReadOnlyList<RiskBacktestEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var con = _db.Connection;
        using var tx = con.BeginTransaction();
        var next = Convert.ToInt32(con.Scalar("SELECT coalesce(max(seq) + 1, 0) FROM risk_events WHERE source_kind = $k AND source_id = $id", ("k", sourceKind), ("id", sourceId)), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Insert(sourceKind, sourceId, next++, e);
        }

        tx.Commit();
        return next;
    }

    /// <summary>
    /// Stored events across sources, newest first: optionally of one source kind and of source ids starting with
    /// <paramref name="sourcePrefix"/>, at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<(string SourceKind, string SourceId, StoredRiskEvent Event)> Recent(string? sourceKind, string? sourcePrefix, int limit)
    {
        using var cmd = _db.Connection.Prepare(
            """
            SELECT source_kind, source_id, seq, event_time, bar, kind, level_from, level_to, breakers, detail FROM risk_events
            WHERE ($k IS NULL OR source_kind = $k) AND ($p IS NULL OR starts_with(source_id, $p))
            ORDER BY event_time DESC, source_kind, source_id, seq DESC LIMIT $n
            """,
            ("k", sourceKind),
            ("p", sourcePrefix),
            ("n", limit));
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string, StoredRiskEvent)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1), Read(r, 2)));
        }

        return list;
    }

    /// <summary>The stored events of one source, in order.</summary>
    public IReadOnlyList<StoredRiskEvent> List(string sourceKind, string sourceId)
    {
        using var cmd = _db.Connection.Prepare(
            "SELECT seq, event_time, bar, kind, level_from, level_to, breakers, detail FROM risk_events WHERE source_kind = $k AND source_id = $id ORDER BY seq",
            ("k", sourceKind),
            ("id", sourceId));
        using var r = cmd.ExecuteReader();
        var list = new List<StoredRiskEvent>();
        while (r.Read())
        {
            list.Add(Read(r, 0));
        }

        return list;
    }

    private void Insert(string sourceKind, string sourceId, int seq, RiskBacktestEvent e) =>
        _db.Connection.Execute(
            "INSERT INTO risk_events (source_kind, source_id, seq, event_time, bar, kind, level_from, level_to, breakers, detail) VALUES ($k, $id, $seq, $t, $bar, $kind, $from, $to, $b, $d)",
            ("k", sourceKind),
            ("id", sourceId),
            ("seq", seq),
            ("t", e.Time.UtcDateTime),
            ("bar", e.Bar),
            ("kind", KindName(e.Kind)),
            ("from", LevelName(e.From)),
            ("to", LevelName(e.To)),
            ("b", e.Breakers),
            ("d", e.Detail));

    private static StoredRiskEvent Read(System.Data.Common.DbDataReader r, int o) => new(
        r.GetInt32(o),
        new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(o + 1), DateTimeKind.Utc)),
        r.IsDBNull(o + 2) ? null : r.GetInt32(o + 2),
        r.GetString(o + 3),
        r.GetString(o + 4),
        r.GetString(o + 5),
        r.GetString(o + 6),
        r.GetString(o + 7));

    /// <summary>The stored name of an event kind: level_change, order_rejected, order_resized, flatten, breaker_tripped, breaker_reset.</summary>
    public static string KindName(RiskEventKind kind) => kind switch
    {
        RiskEventKind.LevelChange => "level_change",
        RiskEventKind.OrderRejected => "order_rejected",
        RiskEventKind.OrderResized => "order_resized",
        RiskEventKind.Flatten => "flatten",
        RiskEventKind.BreakerTripped => "breaker_tripped",
        RiskEventKind.BreakerReset => "breaker_reset",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The stored name of a level: LOW, MODERATE, HIGH, CRITICAL, EMERGENCY.</summary>
    public static string LevelName(RiskLevel level) => level.ToString().ToUpperInvariant();
}
