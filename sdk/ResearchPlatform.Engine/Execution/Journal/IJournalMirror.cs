namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>A queryable copy of a journal, written in batches behind the write-ahead file (e.g. DuckDB tables).</summary>
internal interface IJournalMirror
{
    /// <summary>The highest sequence already mirrored (0 when empty).</summary>
    long LastSequence { get; }

    /// <summary>Stores <paramref name="entries"/> (ascending sequences, all above <see cref="LastSequence"/>) in one batch.</summary>
    void Write(IReadOnlyList<JournalEntry> entries);
}
