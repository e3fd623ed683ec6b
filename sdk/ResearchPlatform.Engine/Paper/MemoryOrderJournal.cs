using ResearchPlatform.Engine.Execution.Journal;

namespace ResearchPlatform.Engine.Paper;

/// <summary>An in-memory journal for replays that need no durability (benchmarks, validation runs).</summary>
internal sealed class MemoryOrderJournal : IOrderJournal
{
    private readonly List<JournalEntry> _entries = [];

    public void Append(JournalEntry entry) => _entries.Add(entry);

    public IReadOnlyList<JournalEntry> ReadAll() => [.. _entries];

    public void Dispose()
    {
    }
}
