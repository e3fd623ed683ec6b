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
            var e = events[i];
            con.Execute(
                "INSERT INTO risk_events (source_kind, source_id, seq, event_time, bar, kind, level_from, level_to, breakers, detail) VALUES ($k, $id, $seq, $t, $bar, $kind, $from, $to, $b, $d)",
                ("k", sourceKind),
                ("id", sourceId),
                ("seq", i),
                ("t", e.Time.UtcDateTime),
                ("bar", e.Bar),
                ("kind", KindName(e.Kind)),
                ("from", LevelName(e.From)),
                ("to", LevelName(e.To)),
                ("b", e.Breakers),
                ("d", e.Detail));
        }

        tx.Commit();
        return events.Count;
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
            list.Add(new StoredRiskEvent(
                r.GetInt32(0),
                new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)),
                r.IsDBNull(2) ? null : r.GetInt32(2),
                r.GetString(3),
                r.GetString(4),
                r.GetString(5),
                r.GetString(6),
                r.GetString(7)));
        }

        return list;
    }

    /// <summary>The stored name of an event kind: level_change, order_rejected, order_resized, flatten.</summary>
    public static string KindName(RiskEventKind kind) => kind switch
    {
        RiskEventKind.LevelChange => "level_change",
        RiskEventKind.OrderRejected => "order_rejected",
        RiskEventKind.OrderResized => "order_resized",
        RiskEventKind.Flatten => "flatten",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The stored name of a level: LOW, MODERATE, HIGH, CRITICAL, EMERGENCY.</summary>
    public static string LevelName(RiskLevel level) => level.ToString().ToUpperInvariant();
}
