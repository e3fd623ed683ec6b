using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DuckDB.NET.Data;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Paper.Storage;

/// <summary>
/// Paper sessions in the research database (migration 5): the session row is written before the replay starts, each
/// strategy journals its orders as it trades (journal id <c>{session}/S{n}</c>): for a database file, to a
/// write-ahead file <c>journals/{session}/S{n}.jsonl</c> next to it (group commit) mirrored into
/// <c>order_journal</c> / <c>order_fills</c> in batches; in memory, straight to <c>order_journal</c>. The orders,
/// results and report are written in one transaction when the session completes. <see cref="Load"/> reads a session
/// back for <c>rp paper --resume</c>.
/// </summary>
internal sealed class PaperSessionStore
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly JsonSerializerOptions OptionsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly DuckDBConnection _db;
    private readonly TimeProvider _time;
    private readonly string? _journalFolder;
    private readonly GroupCommitOptions _commit;
    private readonly List<IOrderJournal> _open = [];

    public PaperSessionStore(ResearchDatabase database, TimeProvider time, GroupCommitOptions? commit = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _db = database.Connection;
        _time = time;
        _commit = commit ?? GroupCommitOptions.Default;
        _journalFolder = database.FilePath == ":memory:" ? null : Path.Combine(Path.GetDirectoryName(database.FilePath)!, "journals");
    }

    /// <summary>The journal id of strategy <paramref name="index"/> (0-based) of a session.</summary>
    public static string JournalId(string sessionId, int index) => string.Create(CultureInfo.InvariantCulture, $"{sessionId}/S{index + 1}");

    /// <summary>The write-ahead file of a session's strategy (null for an in-memory database).</summary>
    public string? JournalPath(string sessionId, int index) =>
        _journalFolder is null ? null : Path.Combine(_journalFolder, sessionId, string.Create(CultureInfo.InvariantCulture, $"S{index + 1}.jsonl"));

    /// <summary>The journal of strategy <paramref name="index"/>; flushed and closed by <see cref="Complete"/> or <see cref="CloseJournals"/>.</summary>
    public IOrderJournal JournalFor(string sessionId, int index)
    {
        var id = JournalId(sessionId, index);
        IOrderJournal journal = JournalPath(sessionId, index) is { } path
            ? new GroupCommitOrderJournal(path, new DuckDbJournalMirror(_db, id), _commit)
            : new DuckDbOrderJournal(_db, id);
        _open.Add(journal);
        return journal;
    }

    /// <summary>The journal of a resumed session's strategy: its stored entries are verified by the re-run, then it continues.</summary>
    public CatchUpOrderJournal ResumeJournalFor(string sessionId, int index) => new(JournalFor(sessionId, index));

    /// <summary>fsyncs the journal files, writes their last mirror batches and closes them.</summary>
    public void CloseJournals()
    {
        foreach (var j in _open)
        {
            j.Dispose();
        }

        _open.Clear();
    }

    /// <summary>Stores a new session as <c>running</c>.</summary>
    public void Begin(string sessionId, string mode, string symbol, string interval, string dataSource, DateTimeOffset from, DateTimeOffset to, int bars, IReadOnlyList<PaperStrategy> strategies, PaperOptions options)
    {
        var strategyJson = JsonSerializer.Serialize(strategies.Select(s => new { s.Name, Seed = s.Seed.Id, s.Genes }), Json);
        var optionsJson = JsonSerializer.Serialize(options, OptionsJson);
        _db.Execute(
            "INSERT INTO paper_sessions (session_id, created_at, mode, status, symbol, interval, data_source, from_time, to_time, bars, strategies, options) VALUES ($id, $c, $m, 'running', $s, $i, $d, $f, $t, $b, $st, $o)",
            ("id", sessionId), ("c", _time.GetUtcNow().UtcDateTime), ("m", mode), ("s", symbol), ("i", interval), ("d", dataSource),
            ("f", from.UtcDateTime), ("t", to.UtcDateTime), ("b", bars), ("st", strategyJson), ("o", optionsJson));
    }

    /// <summary>Moves a running session's window (a live session learns its first candle after it began).</summary>
    public void UpdateWindow(string sessionId, DateTimeOffset from, DateTimeOffset to) =>
        _db.Execute("UPDATE paper_sessions SET from_time = $f, to_time = $t WHERE session_id = $id", ("f", from.UtcDateTime), ("t", to.UtcDateTime), ("id", sessionId));

    /// <summary>Marks the session completed and stores its orders, per-strategy results and report, in one transaction.</summary>
    public void Complete(PaperSessionResult result, string reportJson)
    {
        CloseJournals();
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

    /// <summary>A stored session (for resuming it), or null.</summary>
    public StoredPaperSession? Load(string sessionId)
    {
        using var cmd = _db.Prepare(
            "SELECT mode, status, symbol, interval, data_source, from_time, to_time, bars, strategies, options FROM paper_sessions WHERE session_id = $id",
            ("id", sessionId));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var strategies = new List<StoredPaperStrategy>();
        using (var doc = JsonDocument.Parse(r.GetString(8)))
        {
            foreach (var s in doc.RootElement.EnumerateArray())
            {
                strategies.Add(new StoredPaperStrategy(
                    s.GetProperty("name").GetString()!, s.GetProperty("seed").GetString()!, [.. s.GetProperty("genes").EnumerateArray().Select(g => g.GetDouble())]));
            }
        }

        var options = JsonSerializer.Deserialize<PaperOptions>(r.GetString(9), OptionsJson) ?? new PaperOptions();
        return new StoredPaperSession(
            sessionId, r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Utc(r.GetDateTime(5)), Utc(r.GetDateTime(6)),
            r.GetInt32(7), strategies, options);
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
