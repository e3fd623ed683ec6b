using System.Data.Common;
using System.Text.Json;
using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>
/// Alert history in the workspace database (<c>alerts</c>, <c>alert_deliveries</c>). Thread-safe: every call goes
/// through one <see cref="DatabaseAccess"/> lock, so workers and the dispatcher can record concurrently. Over a held
/// database (CLI) or opening the file per call (<c>rp serve</c>, which leaves the workspace usable by other commands).
/// </summary>
public sealed class AlertStore
{
    private const string Columns = "alert_id, level, category, alert_key, title, body, component, context, raised_at, created_at, last_seen_at, " +
        "occurrences, escalation_stage, acknowledged_at, acknowledged_by, resolved_at";

    private readonly DatabaseAccess _access;

    /// <summary>History in a database the caller keeps open.</summary>
    public AlertStore(ResearchDatabase database)
        : this(DatabaseAccess.Held(database))
    {
    }

    /// <summary>History through <paramref name="access"/> (held or per call).</summary>
    public AlertStore(DatabaseAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        _access = access;
    }

    /// <summary>Stores a new alert (count 1, stage 0).</summary>
    public void Insert(string id, Alert alert, DateTimeOffset at)
    {
        var context = JsonSerializer.Serialize(alert.Context);
        _access.Use(c => c.Execute(
            $"INSERT INTO alerts ({Columns}) VALUES ($id, $lvl, $cat, $key, $title, $body, $comp, $ctx, $raised, $at, $at, 1, 0, NULL, NULL, NULL)",
            ("id", id), ("lvl", AlertLevels.Name(alert.Level)), ("cat", AlertLevels.Name(alert.Category)), ("key", alert.Key),
            ("title", alert.Title), ("body", alert.Body), ("comp", alert.Component), ("ctx", context),
            ("raised", alert.RaisedAt.UtcDateTime), ("at", at.UtcDateTime)));
    }

    /// <summary>
    /// Stores a batch in ONE transaction: new alerts (count 1, stage 0) with a <c>queued</c> delivery row per target
    /// channel, then repeats (the latest count per alert). A burst then costs one commit per batch, not per alert.
    /// </summary>
    public void WriteBatch(IReadOnlyList<NewAlertRow> alerts, IReadOnlyList<(string Id, int Count, DateTimeOffset At)> repeats)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(repeats);
        var alertRows = alerts.Select(r => new object?[]
        {
            r.Id, AlertLevels.Name(r.Alert.Level), AlertLevels.Name(r.Alert.Category), r.Alert.Key, r.Alert.Title, r.Alert.Body, r.Alert.Component,
            JsonSerializer.Serialize(r.Alert.Context), r.Alert.RaisedAt.UtcDateTime, r.At.UtcDateTime,
        }).ToList();
        var queuedRows = alerts.SelectMany(r => r.Channels.Select(ch => new object?[] { r.Id, ch, r.At.UtcDateTime })).ToList();
        _access.Use(c =>
        {
            using var tx = c.BeginTransaction();
            BulkValues.Execute(c, $"INSERT INTO alerts ({Columns})", "({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {9}, 1, 0, NULL, NULL, NULL)", string.Empty, alertRows);
            BulkValues.Execute(c, "INSERT INTO alert_deliveries (alert_id, channel, stage, status, attempts, last_error, updated_at, delivered_at)",
                "({0}, {1}, 0, 'queued', 0, NULL, {2}, NULL)", string.Empty, queuedRows);
            foreach (var (id, count, at) in repeats)
            {
                c.Execute("UPDATE alerts SET occurrences = $n, last_seen_at = $at WHERE alert_id = $id", ("n", count), ("at", at.UtcDateTime), ("id", id));
            }

            tx.Commit();
        });
    }

    /// <summary>Records a repeat within the throttling window.</summary>
    public void RecordRepeat(string id, int count, DateTimeOffset at) =>
        _access.Use(c => c.Execute("UPDATE alerts SET occurrences = $n, last_seen_at = $at WHERE alert_id = $id", ("n", count), ("at", at.UtcDateTime), ("id", id)));

    /// <summary>Records that escalation reached <paramref name="stage"/>.</summary>
    public void SetEscalationStage(string id, int stage) =>
        _access.Use(c => c.Execute("UPDATE alerts SET escalation_stage = $s WHERE alert_id = $id", ("s", stage), ("id", id)));

    /// <summary>Records the state of one delivery (upsert by alert, channel and stage).</summary>
    public void RecordDelivery(string id, string channel, int stage, string status, int attempts, string? error, DateTimeOffset at) =>
        RecordDeliveries([new DeliveryRecord(id, channel, stage, status, attempts, error, at)]);

    /// <summary>Records delivery states in order, in one transaction (upsert by alert, channel and stage).</summary>
    public void RecordDeliveries(IReadOnlyList<DeliveryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        // The last state per delivery only: one statement may not upsert the same row twice.
        var last = new Dictionary<(string, string, int), DeliveryRecord>();
        foreach (var r in records)
        {
            last.Remove((r.AlertId, r.Channel, r.Stage));
            last[(r.AlertId, r.Channel, r.Stage)] = r;
        }

        var rows = last.Values.Select(r => new object?[] { r.AlertId, r.Channel, r.Stage, r.Status, r.Attempts, r.Error, r.At.UtcDateTime }).ToList();
        _access.Use(c =>
        {
            using var tx = c.BeginTransaction();
            BulkValues.Execute(c, "INSERT INTO alert_deliveries (alert_id, channel, stage, status, attempts, last_error, updated_at, delivered_at)",
                "({0}, {1}, {2}, {3}, {4}, {5}, {6}, CASE WHEN {3} = 'delivered' THEN {6} ELSE NULL END)",
                """
                ON CONFLICT (alert_id, channel, stage) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
                    last_error = excluded.last_error, updated_at = excluded.updated_at, delivered_at = excluded.delivered_at
                """,
                rows);
            tx.Commit();
        });
    }

    /// <summary>Acknowledges; returns the problem (unknown id, already acknowledged) or null.</summary>
    public string? Acknowledge(string id, string by, DateTimeOffset at) => _access.Use<string?>(c =>
    {
        var current = Query(c, $"SELECT {Columns} FROM alerts WHERE alert_id = $id", ("id", id)).FirstOrDefault();
        if (current is null)
        {
            return $"no alert with id '{id}'";
        }

        if (current.AcknowledgedAt is not null)
        {
            return $"alert '{id}' was already acknowledged by {current.AcknowledgedBy}";
        }

        c.Execute("UPDATE alerts SET acknowledged_at = $at, acknowledged_by = $by WHERE alert_id = $id", ("at", at.UtcDateTime), ("by", by), ("id", id));
        return null;
    });

    /// <summary>Marks resolved (acknowledging it too when it was not); returns the problem or null.</summary>
    public string? Resolve(string id, DateTimeOffset at) => _access.Use<string?>(c =>
    {
        var current = Query(c, $"SELECT {Columns} FROM alerts WHERE alert_id = $id", ("id", id)).FirstOrDefault();
        if (current is null)
        {
            return $"no alert with id '{id}'";
        }

        if (current.ResolvedAt is not null)
        {
            return $"alert '{id}' is already resolved";
        }

        c.Execute(
            "UPDATE alerts SET resolved_at = $at, acknowledged_at = COALESCE(acknowledged_at, $at), acknowledged_by = COALESCE(acknowledged_by, 'resolved') WHERE alert_id = $id",
            ("at", at.UtcDateTime), ("id", id));
        return null;
    });

    /// <summary>One alert with its deliveries, or null.</summary>
    public StoredAlert? Get(string id) =>
        _access.Use(c => Query(c, $"SELECT {Columns} FROM alerts WHERE alert_id = $id", ("id", id)).FirstOrDefault());

    /// <summary>Alerts matching <paramref name="filter"/>, newest first.</summary>
    public IReadOnlyList<StoredAlert> List(AlertFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new List<string>();
        var p = new List<(string, object?)> { ("n", filter.Limit) };
        if (filter.MinLevel is { } min)
        {
            where.Add("level IN (" + string.Join(", ", Enum.GetValues<AlertLevel>().Where(l => l >= min).Select(l => $"'{AlertLevels.Name(l)}'")) + ")");
        }

        if (filter.Category is { } cat)
        {
            where.Add("category = $cat");
            p.Add(("cat", AlertLevels.Name(cat)));
        }

        if (filter.UnacknowledgedOnly)
        {
            where.Add("acknowledged_at IS NULL");
        }

        var sql = $"SELECT {Columns} FROM alerts {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty)} ORDER BY created_at DESC, alert_id DESC LIMIT $n";
        return _access.Use(c => Query(c, sql, [.. p]));
    }

    /// <summary>Deliveries not delivered yet (<c>queued</c> or <c>failed</c>), oldest first: what a restart or the retry timer resends.</summary>
    public IReadOnlyList<(string AlertId, AlertDelivery Delivery)> Undelivered() => _access.Use(c =>
    {
        using var cmd = c.Prepare(
            "SELECT alert_id, channel, stage, status, attempts, last_error, updated_at, delivered_at FROM alert_deliveries WHERE status IN ('queued', 'failed') ORDER BY updated_at, alert_id");
        using var rd = cmd.ExecuteReader();
        var list = new List<(string, AlertDelivery)>();
        while (rd.Read())
        {
            list.Add((rd.GetString(0), ReadDelivery(rd, 1)));
        }

        return list;
    });

    /// <summary>Deliveries per (channel, status), for metrics.</summary>
    public IReadOnlyDictionary<(string Channel, string Status), long> DeliveryCounts() => _access.Use(c =>
    {
        using var cmd = c.Prepare("SELECT channel, status, count(*) FROM alert_deliveries GROUP BY ALL");
        using var rd = cmd.ExecuteReader();
        var map = new Dictionary<(string, string), long>();
        while (rd.Read())
        {
            map[(rd.GetString(0), rd.GetString(1))] = rd.GetInt64(2);
        }

        return map;
    });

    private static List<StoredAlert> Query(DuckDBConnection connection, string sql, params (string, object?)[] p)
    {
        var rows = new List<StoredAlert>();
        using (var cmd = connection.Prepare(sql, p))
        using (var rd = cmd.ExecuteReader())
        {
            while (rd.Read())
            {
                rows.Add(Read(rd));
            }
        }

        return rows.Select(r => r with { Deliveries = Deliveries(connection, r.Id) }).ToList();
    }

    private static List<AlertDelivery> Deliveries(DuckDBConnection connection, string id)
    {
        using var cmd = connection.Prepare(
            "SELECT channel, stage, status, attempts, last_error, updated_at, delivered_at FROM alert_deliveries WHERE alert_id = $id ORDER BY stage, channel", ("id", id));
        using var rd = cmd.ExecuteReader();
        var list = new List<AlertDelivery>();
        while (rd.Read())
        {
            list.Add(ReadDelivery(rd, 0));
        }

        return list;
    }

    private static AlertDelivery ReadDelivery(DbDataReader rd, int o) => new(
        rd.GetString(o), rd.GetInt32(o + 1), rd.GetString(o + 2), rd.GetInt32(o + 3), rd.IsDBNull(o + 4) ? null : rd.GetString(o + 4),
        Utc(rd.GetDateTime(o + 5)), rd.IsDBNull(o + 6) ? null : Utc(rd.GetDateTime(o + 6)));

    private static StoredAlert Read(DbDataReader rd)
    {
        var level = AlertLevels.TryParse(rd.GetString(1), out var l) ? l : throw new InvalidDataException($"alerts.level '{rd.GetString(1)}' is unknown");
        var category = AlertLevels.TryParseCategory(rd.GetString(2), out var c) ? c : throw new InvalidDataException($"alerts.category '{rd.GetString(2)}' is unknown");
        var context = JsonSerializer.Deserialize<Dictionary<string, string>>(rd.GetString(7)) ?? [];
        return new StoredAlert(
            rd.GetString(0), level, category, rd.GetString(3), rd.GetString(4), rd.GetString(5), rd.GetString(6), context,
            Utc(rd.GetDateTime(8)), Utc(rd.GetDateTime(9)), Utc(rd.GetDateTime(10)), rd.GetInt32(11), rd.GetInt32(12),
            rd.IsDBNull(13) ? null : Utc(rd.GetDateTime(13)), rd.IsDBNull(14) ? null : rd.GetString(14),
            rd.IsDBNull(15) ? null : Utc(rd.GetDateTime(15)), []);
    }

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
