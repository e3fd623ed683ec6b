using System.Data.Common;
using System.Text.Json;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// Decision history in the workspace database (<c>decisions</c> table): every decision with its routing, and the human
/// verdict (approve/reject) of decisions that were queued or flagged. Not thread-safe (one connection).
/// </summary>
public sealed class DecisionStore(ResearchDatabase database, TimeProvider? time = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private const string Columns = "decision_id, created_at, decision_type, value, summary, confidence, reasoning, urgency, thresholds, inputs, " +
        "rule_file, rule_hash, requires_human_review, routing, status, from_cache, error, verdict_at, verdict_note";

    /// <summary>The status a routing starts in.</summary>
    public static string InitialStatus(DecisionRouting routing) => routing switch
    {
        DecisionRouting.AutoExecuted => "auto_executed",
        DecisionRouting.ExecutedFlagged => "executed_flagged",
        _ => "pending",
    };

    /// <summary>Stores one decision.</summary>
    public void Save(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var r = record.Result;
        database.Connection.Execute(
            $"INSERT INTO decisions ({Columns}) VALUES ($id, $at, $type, $value, $summary, $conf, $reason, $urg, $thr, $inp, $file, $hash, $review, $routing, $status, $cache, $error, NULL, NULL)",
            ("id", record.Id), ("at", record.At.UtcDateTime), ("type", RuleFiles.SnakeName(r.Type)),
            ("value", JsonSerializer.Serialize(r.Value, Json)), ("summary", r.Value.Summary()), ("conf", r.Confidence),
            ("reason", r.Reasoning), ("urg", r.Urgency.ToString().ToUpperInvariant()),
            ("thr", JsonSerializer.Serialize(r.ThresholdsUsed, Json)), ("inp", JsonSerializer.Serialize(r.Inputs, Json)),
            ("file", r.RuleFile), ("hash", r.RuleHash), ("review", r.RequiresHumanReview),
            ("routing", JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Routing.ToString())), ("status", InitialStatus(record.Routing)),
            ("cache", record.FromCache), ("error", r.Error));
    }

    /// <summary>Newest first; <paramref name="pendingOnly"/> keeps decisions awaiting a verdict.</summary>
    public IReadOnlyList<StoredDecision> List(int limit = 50, bool pendingOnly = false) =>
        Query($"SELECT {Columns} FROM decisions {(pendingOnly ? "WHERE status IN ('pending', 'executed_flagged')" : string.Empty)} ORDER BY created_at DESC, decision_id DESC LIMIT $n", ("n", limit));

    /// <summary>
    /// The latest <paramref name="limit"/> decisions taken at or before <paramref name="asOf"/>, newest first, as a rule
    /// sees them (<see cref="DecisionContext.RecentDecisions"/>). Decisions later rejected by a human are left out.
    /// </summary>
    public IReadOnlyList<RecentDecision> Recent(DateTimeOffset asOf, int limit = 20)
    {
        using var cmd = database.Connection.Prepare(
            "SELECT decision_type, summary, confidence, created_at FROM decisions WHERE created_at <= $at AND status <> 'rejected' ORDER BY created_at DESC, decision_id DESC LIMIT $n",
            ("at", asOf.UtcDateTime), ("n", limit));
        using var rd = cmd.ExecuteReader();
        var list = new List<RecentDecision>();
        while (rd.Read())
        {
            if (RuleFiles.TryParse(rd.GetString(0), out var type))
            {
                list.Add(new RecentDecision(type, rd.GetString(1), rd.GetDouble(2), new DateTimeOffset(DateTime.SpecifyKind(rd.GetDateTime(3), DateTimeKind.Utc))));
            }
        }

        return list;
    }

    /// <summary>One decision or null.</summary>
    public StoredDecision? Get(string id) => Query($"SELECT {Columns} FROM decisions WHERE decision_id = $id", ("id", id)).FirstOrDefault();

    /// <summary>
    /// Records a human verdict. Only pending or flagged decisions take a verdict; returns the problem or null on success.
    /// </summary>
    public string? SetVerdict(string id, bool approve, string? note = null)
    {
        var d = Get(id);
        if (d is null)
        {
            return $"no decision with id '{id}'";
        }

        if (d.Status is not ("pending" or "executed_flagged"))
        {
            return $"decision '{id}' is {d.Status}; only pending or flagged decisions take a verdict";
        }

        database.Connection.Execute(
            "UPDATE decisions SET status = $s, verdict_at = $at, verdict_note = $note WHERE decision_id = $id",
            ("s", approve ? "approved" : "rejected"), ("at", _time.GetUtcNow().UtcDateTime), ("note", note), ("id", id));
        return null;
    }

    private List<StoredDecision> Query(string sql, params (string, object?)[] p)
    {
        using var cmd = database.Connection.Prepare(sql, p);
        using var rd = cmd.ExecuteReader();
        var list = new List<StoredDecision>();
        while (rd.Read())
        {
            list.Add(Read(rd));
        }

        return list;
    }

    private static StoredDecision Read(DbDataReader rd)
    {
        static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
        string? S(int i) => rd.IsDBNull(i) ? null : rd.GetString(i);
        return new StoredDecision(
            rd.GetString(0), Utc(rd.GetDateTime(1)), rd.GetString(2), rd.GetString(3), rd.GetString(4), rd.GetDouble(5),
            rd.GetString(6), rd.GetString(7), rd.GetString(8), rd.GetString(9), rd.GetString(10), rd.GetString(11),
            rd.GetBoolean(12), rd.GetString(13), rd.GetString(14), rd.GetBoolean(15), S(16),
            rd.IsDBNull(17) ? null : Utc(rd.GetDateTime(17)), S(18));
    }
}
