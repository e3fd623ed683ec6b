using System.Text.Json;
using System.Text.Json.Serialization;
using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>
/// The order journal in DuckDB (<c>order_journal</c>, schema migration 5): one row per entry under a journal id (one
/// per session strategy), the entry as snake_case JSON (the same shape as <see cref="FileOrderJournal"/>'s lines) plus
/// its kind, client order id and time as columns; a fill also gets an <c>order_fills</c> row in the same transaction.
/// <see cref="Append"/> returns after the commit, so the order's <c>submitted</c> entry is stored before it is sent.
/// </summary>
internal sealed class DuckDbOrderJournal : IOrderJournal
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly DuckDBConnection _connection;
    private readonly string _journalId;

    public DuckDbOrderJournal(DuckDBConnection connection, string journalId)
    {
        _connection = connection;
        _journalId = journalId;
    }

    public string JournalId => _journalId;

    /// <summary>The <c>kind</c> column value of an entry kind (snake_case).</summary>
    public static string KindName(JournalEntryKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>The <c>entry</c> column value (the file journal's line format).</summary>
    public static string ToJson(JournalEntry entry) => JsonSerializer.Serialize(entry, Options);

    public void Append(JournalEntry entry)
    {
        var json = JsonSerializer.Serialize(entry, Options);
        using var tx = _connection.BeginTransaction();
        _connection.Execute(
            "INSERT INTO order_journal VALUES ($j, $s, $k, $c, $t, $e)",
            ("j", _journalId), ("s", entry.Sequence), ("k", JsonNamingPolicy.SnakeCaseLower.ConvertName(entry.Kind.ToString())),
            ("c", entry.ClientOrderId), ("t", entry.Timestamp.UtcDateTime), ("e", json));
        if (entry.Kind == JournalEntryKind.Filled && entry.FillId is { } fillId)
        {
            _connection.Execute(
                "INSERT INTO order_fills VALUES ($j, $f, $c, $t, $p, $q, $fee, $l) ON CONFLICT DO NOTHING",
                ("j", _journalId), ("f", fillId), ("c", entry.ClientOrderId), ("t", entry.Timestamp.UtcDateTime),
                ("p", entry.FillPrice ?? 0), ("q", entry.FillQuantity ?? 0), ("fee", entry.Fee ?? 0), ("l", entry.Liquidity?.ToString().ToLowerInvariant()));
        }

        tx.Commit();
    }

    public IReadOnlyList<JournalEntry> ReadAll()
    {
        using var cmd = _connection.Prepare("SELECT sequence, entry FROM order_journal WHERE journal_id = $j ORDER BY sequence", ("j", _journalId));
        using var reader = cmd.ExecuteReader();
        var entries = new List<JournalEntry>();
        while (reader.Read())
        {
            var sequence = reader.GetInt64(0);
            var json = reader.GetString(1);
            try
            {
                entries.Add(JsonSerializer.Deserialize<JournalEntry>(json, Options) ?? throw new JsonException("null entry"));
            }
            catch (JsonException ex)
            {
                throw new JournalCorruptException($"order_journal {_journalId}#{sequence}: corrupt journal entry ({ex.Message})", ex);
            }
        }

        return entries;
    }

    /// <summary>The connection belongs to the caller (the research database); nothing to release here.</summary>
    public void Dispose()
    {
    }
}
