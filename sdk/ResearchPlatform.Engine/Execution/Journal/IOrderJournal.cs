namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>
/// The order manager's write-ahead log. <see cref="Append"/> returns only once the entry is durable (as durable as the
/// implementation promises); <see cref="ReadAll"/> returns every complete entry in append order, tolerating a torn
/// last entry left by a crash. Implementations: <see cref="FileOrderJournal"/> now, a DuckDB table later.
/// </summary>
internal interface IOrderJournal : IDisposable
{
    /// <summary>Appends one entry durably.</summary>
    void Append(JournalEntry entry);

    /// <summary>All complete entries, oldest first.</summary>
    IReadOnlyList<JournalEntry> ReadAll();
}
