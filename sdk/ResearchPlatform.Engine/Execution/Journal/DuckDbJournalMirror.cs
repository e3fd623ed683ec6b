using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>
/// Mirrors journal entries into <c>order_journal</c> / <c>order_fills</c> (migration 5) in batches with the DuckDB
/// appender: the same rows <see cref="DuckDbOrderJournal"/> writes one transaction at a time, for queries
/// (<c>rp orders</c>). The write-ahead guarantee comes from the journal file, not from this copy.
/// </summary>
internal sealed class DuckDbJournalMirror : IJournalMirror
{
    private readonly DuckDBConnection _connection;
    private readonly string _journalId;

    public DuckDbJournalMirror(DuckDBConnection connection, string journalId)
    {
        _connection = connection;
        _journalId = journalId;
        using var cmd = _connection.Prepare("SELECT coalesce(max(sequence), 0) FROM order_journal WHERE journal_id = $j", ("j", journalId));
        LastSequence = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public long LastSequence { get; private set; }

    public void Write(IReadOnlyList<JournalEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        using (var journal = _connection.CreateAppender("order_journal"))
        {
            foreach (var e in entries)
            {
                journal.CreateRow().AppendValue(_journalId).AppendValue(e.Sequence).AppendValue(DuckDbOrderJournal.KindName(e.Kind))
                    .AppendValue(e.ClientOrderId).AppendValue(e.Timestamp.UtcDateTime).AppendValue(DuckDbOrderJournal.ToJson(e)).EndRow();
            }
        }

        using (var fills = _connection.CreateAppender("order_fills"))
        {
            foreach (var e in entries.Where(e => e.Kind == JournalEntryKind.Filled && e.FillId is not null))
            {
                fills.CreateRow().AppendValue(_journalId).AppendValue(e.FillId).AppendValue(e.ClientOrderId).AppendValue(e.Timestamp.UtcDateTime)
                    .AppendValue(e.FillPrice ?? 0).AppendValue(e.FillQuantity ?? 0).AppendValue(e.Fee ?? 0)
                    .AppendValue(e.Liquidity?.ToString().ToLowerInvariant()).EndRow();
            }
        }

        LastSequence = entries[^1].Sequence;
    }
}
