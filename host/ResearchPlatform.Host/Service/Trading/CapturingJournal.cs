using ResearchPlatform.Engine.Execution.Journal;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Wraps a strategy's order journal: forwards every entry, remembers the orders touched since the last drain (for
/// <c>order</c> events) and the fills (for <c>/api/fills</c>).
/// </summary>
internal sealed class CapturingJournal(IOrderJournal inner, string strategyId) : IOrderJournal
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

    public string StrategyId => strategyId;

    public int Entries { get; private set; }

    public List<JournalEntry> Fills { get; } = [];

    public void Append(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        inner.Append(entry);
        Entries++;
        _touched.Add(entry.ClientOrderId);
        if (entry.Kind == JournalEntryKind.Filled)
        {
            Fills.Add(entry);
        }
    }

    public IReadOnlyList<JournalEntry> ReadAll() => inner.ReadAll();

    /// <summary>Client order ids touched since the previous call.</summary>
    public IReadOnlyList<string> DrainTouched()
    {
        var ids = _touched.ToList();
        _touched.Clear();
        return ids;
    }

    public void Dispose() => inner.Dispose();
}
