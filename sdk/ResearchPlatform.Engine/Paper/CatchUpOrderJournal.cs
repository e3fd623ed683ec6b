using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// The journal of a resumed paper session. The session is re-run deterministically from its first bar (same bars,
/// seeds and simulated clock), which rebuilds the simulated venue, the strategy, the risk manager and the order
/// manager exactly as they were; while it does, every entry the re-run appends must equal the stored entry with the
/// same position (compared as the journal's JSON line: sequence, kind, client order id, time, order, prices,
/// quantities, fill ids) and is not written again. Once the stored entries are used up, appends go to the inner
/// journal: the session continues from its last durable entry. A difference throws <see cref="JournalDivergedException"/>,
/// except where an earlier restore's reconciliation entry stands in for the re-run's (<see cref="StandsInFor"/>).
/// </summary>
internal sealed class CatchUpOrderJournal : IOrderJournal
{
    private readonly IOrderJournal _inner;
    private readonly IReadOnlyList<JournalEntry> _stored;
    private int _next;

    public CatchUpOrderJournal(IOrderJournal inner)
    {
        _inner = inner;
        _stored = inner.ReadAll();
    }

    /// <summary>Entries found in the journal when the session was reopened.</summary>
    public int Stored => _stored.Count;

    /// <summary>Stored entries the re-run has reproduced so far.</summary>
    public int Verified => _next;

    /// <summary>True while the re-run has not yet reached the last stored entry.</summary>
    public bool CatchingUp => _next < _stored.Count;

    /// <summary>The time of the last stored entry (null when none).</summary>
    public DateTimeOffset? LastStoredTime => _stored.Count == 0 ? null : _stored[^1].Timestamp;

    /// <summary>The journal the session continues in.</summary>
    public IOrderJournal Inner => _inner;

    public void Append(JournalEntry entry)
    {
        if (_next >= _stored.Count)
        {
            _inner.Append(entry);
            return;
        }

        var stored = _stored[_next];
        var expected = FileOrderJournal.ToJsonLine(stored);
        var actual = FileOrderJournal.ToJsonLine(entry);
        if (!string.Equals(expected, actual, StringComparison.Ordinal) && !StandsInFor(stored, entry))
        {
            throw new JournalDivergedException($"resume diverged at journal entry #{stored.Sequence}: stored {expected}, re-run produced {actual}");
        }

        _next++;
    }

    /// <summary>
    /// A stored entry written by an earlier restore's reconciliation (the journal ended between a request and its
    /// outcome, e.g. a pending cancel when the process was killed; the restore took the outcome from the venue) stands in
    /// for the entry a re-run produces there when both give the order the same outcome: same position, kind, client order
    /// id and venue order id. Only the provenance (reason, time) differs; without this a second restore of the same
    /// session could never get past the first one's reconciliation.
    /// </summary>
    internal static bool StandsInFor(JournalEntry stored, JournalEntry rerun) =>
        stored.Reason is { } reason
        && (reason == OrderManager.NotFoundDuringReconciliation || reason.StartsWith(OrderManager.ReconciledWithVenueStatus, StringComparison.Ordinal))
        && stored.Sequence == rerun.Sequence
        && stored.Kind == rerun.Kind
        && stored.ClientOrderId == rerun.ClientOrderId
        && (stored.ExchangeOrderId is null || rerun.ExchangeOrderId is null || stored.ExchangeOrderId == rerun.ExchangeOrderId)
        && stored.FillId is null && rerun.FillId is null;

    /// <summary>Empty: the re-run starts from nothing and reproduces the stored entries through <see cref="Append"/>.</summary>
    public IReadOnlyList<JournalEntry> ReadAll() => [];

    public void Dispose() => _inner.Dispose();
}
