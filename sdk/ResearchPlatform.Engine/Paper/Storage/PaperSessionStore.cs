using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Paper.Storage;

/// <summary>
/// Paper sessions in the research database (migration 5): the session row is written before the replay starts, each
/// strategy journals its orders to <c>order_journal</c> as it trades (journal id <c>{session}/S{n}</c>), and the
/// orders, results and report are written in one transaction when the session completes.
/// </summary>
internal sealed class PaperSessionStore
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly DuckDBConnection _db;
    private readonly TimeProvider _time;

    public PaperSessionStore(ResearchDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        _db = database.Connection;
        _time = time;
    }

    /// <summary>The journal id of strategy <paramref name="index"/> (0-based) of a session.</summary>
    public static string JournalId(string sessionId, int index) => string.Create(CultureInfo.InvariantCulture, $"{sessionId}/S{index + 1}");

    public IOrderJournal JournalFor(string sessionId, int index) => new DuckDbOrderJournal(_db, JournalId(sessionId, index));

    /// <summary>Stores a new session as <c>running</c>.</summary>
    public void Begin(string sessionId, string mode, string symbol, string interval, string dataSource, DateTimeOffset from, DateTimeOffset to, int bars, IReadOnlyList<PaperStrategy> strategies, PaperOptions options)
    {
        var strategyJson = JsonSerializer.Serialize(strategies.Select(s => new { s.Name, Seed = s.Seed.Id, s.Genes }), Json);
        var optionsJson = JsonSerializer.Serialize(
            new { options.InitialCash, Sizing = options.Sizing.ToString(), options.TakerFeeRate, options.MakerFeeRate, options.SlippageBps, options.ImpactBps, options.ParticipationCap, options.SpeedMultiplier, Risk = options.Risk is not null },
            Json);
        _db.Execute(
            "INSERT INTO paper_sessions (session_id, created_at, mode, status, symbol, interval, data_source, from_time, to_time, bars, strategies, options) VALUES ($id, $c, $m, 'running', $s, $i, $d, $f, $t, $b, $st, $o)",
            ("id", sessionId), ("c", _time.GetUtcNow().UtcDateTime), ("m", mode), ("s", symbol), ("i", interval), ("d", dataSource),
            ("f", from.UtcDateTime), ("t", to.UtcDateTime), ("b", bars), ("st", strategyJson), ("o", optionsJson));
    }

    /// <summary>Marks the session completed and stores its orders, per-strategy results and report, in one transaction.</summary>
    public void Complete(PaperSessionResult result, string reportJson)
    {
        using var tx = _db.BeginTransaction();
        _db.Execute(
            "UPDATE paper_sessions SET status = 'completed', finished_at = $f, elapsed_ms = $e, bars_per_second = $b, report = $r WHERE session_id = $id",
            ("f", _time.GetUtcNow().UtcDateTime), ("e", result.Elapsed.TotalMilliseconds), ("b", Finite(result.BarsPerSecond)), ("r", reportJson), ("id", result.SessionId));
        foreach (var s in result.Strategies)
        {
            foreach (var o in s.Orders)
            {
                _db.Execute(
                    "INSERT INTO paper_orders VALUES ($sid, $st, $c, $sym, $side, $type, $q, $state, $fq, $ap, $fee, $dp, $dt, $r)",
                    ("sid", result.SessionId), ("st", s.Strategy.Name), ("c", o.ClientOrderId), ("sym", o.Order.Symbol), ("side", o.Order.Side.ToString()),
                    ("type", o.Order.Type.ToString()), ("q", o.Order.Quantity), ("state", o.State.ToString()), ("fq", o.FilledQuantity), ("ap", o.AverageFillPrice),
                    ("fee", o.Fees), ("dp", o.DecisionPrice), ("dt", o.DecisionTime.UtcDateTime), ("r", o.Reason));
            }

            var p = s.Performance;
            _db.Execute(
                "INSERT INTO paper_results VALUES ($sid, $st, $seed, $g, $n, $w, $pnl, $ret, $sh, $dd, $cl, $slip, $lat, $fill, $sent, $den, $fees, $eq, $fit)",
                ("sid", result.SessionId), ("st", s.Strategy.Name), ("seed", s.Strategy.Seed.Id), ("g", JsonSerializer.Serialize(s.Strategy.Genes)),
                ("n", p.Trades), ("w", p.WinRate), ("pnl", p.TotalPnl), ("ret", p.ReturnPct), ("sh", Finite(p.Sharpe)), ("dd", p.MaxDrawdown),
                ("cl", p.MaxConsecutiveLosses), ("slip", p.AvgSlippageBps), ("lat", p.AvgLatencyMs), ("fill", p.FillSuccessRate), ("sent", p.OrdersSent),
                ("den", p.OrdersDenied), ("fees", p.Fees), ("eq", s.FinalEquity), ("fit", p.Fitness));
        }

        tx.Commit();
    }

    /// <summary>Orders, newest session first; optionally of one session.</summary>
    public IReadOnlyList<StoredPaperOrder> ListOrders(string? sessionId, int limit)
    {
        var sql = """
            SELECT o.* FROM paper_orders o JOIN paper_sessions s USING (session_id)
            WHERE $sid IS NULL OR o.session_id = $sid
            ORDER BY s.created_at DESC, o.session_id DESC, o.decision_time, o.client_order_id LIMIT $n
            """;
        return ReadOrders(sql, ("sid", sessionId), ("n", limit));
    }

    /// <summary>One order by client id (in the newest session that has it, or in <paramref name="sessionId"/>), or null.</summary>
    public StoredPaperOrder? FindOrder(string clientOrderId, string? sessionId)
    {
        var sql = """
            SELECT o.* FROM paper_orders o JOIN paper_sessions s USING (session_id)
            WHERE o.client_order_id = $c AND ($sid IS NULL OR o.session_id = $sid)
            ORDER BY s.created_at DESC, o.session_id DESC LIMIT 1
            """;
        return ReadOrders(sql, ("c", clientOrderId), ("sid", sessionId)).FirstOrDefault();
    }

    /// <summary>The journal rows of one order.</summary>
    public IReadOnlyList<StoredJournalRow> JournalOf(string sessionId, string clientOrderId)
    {
        using var cmd = _db.Prepare(
            "SELECT sequence, kind, ts, entry FROM order_journal WHERE starts_with(journal_id, $p) AND client_order_id = $c ORDER BY sequence",
            ("p", sessionId + "/"), ("c", clientOrderId));
        using var r = cmd.ExecuteReader();
        var rows = new List<StoredJournalRow>();
        while (r.Read())
        {
            rows.Add(new StoredJournalRow(r.GetInt64(0), r.GetString(1), Utc(r.GetDateTime(2)), r.GetString(3)));
        }

        return rows;
    }

    private List<StoredPaperOrder> ReadOrders(string sql, params (string, object?)[] parameters)
    {
        using var cmd = _db.Prepare(sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<StoredPaperOrder>();
        while (r.Read())
        {
            list.Add(new StoredPaperOrder(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetDecimal(6), r.GetString(7),
                r.GetDecimal(8), r.IsDBNull(9) ? null : r.GetDecimal(9), r.GetDecimal(10), r.GetDecimal(11), Utc(r.GetDateTime(12)), r.IsDBNull(13) ? null : r.GetString(13)));
        }

        return list;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
