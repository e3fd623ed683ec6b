using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Paper;

namespace ResearchPlatform.Engine.Tests.Paper;

/// <summary>
/// A session restored twice: the first restore found the journal ending in a pending cancel (killed between the request
/// and its outcome) and wrote the venue's outcome as a reconciliation entry; the second restore's re-run produces the
/// same outcome the ordinary way. The catch-up accepts the stand-in and nothing else.
/// </summary>
public sealed class CatchUpReconciledEntryTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_ReRunCancelOnRequest_WhereARestoreWroteTheReconciledCancel_IsReproducedAndTheSessionContinues()
    {
        var inner = new MemoryOrderJournal();
        inner.Append(Entry(1, JournalEntryKind.PendingCancel, "S2-9", T0, "halt"));
        inner.Append(Entry(2, JournalEntryKind.Canceled, "S2-9", T0.AddSeconds(30), OrderManager.ReconciledWithVenueStatus + "Canceled") with { ExchangeOrderId = "v9" });
        var catchUp = new CatchUpOrderJournal(inner);

        catchUp.Append(Entry(1, JournalEntryKind.PendingCancel, "S2-9", T0, "halt"));
        catchUp.Append(Entry(2, JournalEntryKind.Canceled, "S2-9", T0, "canceled on request") with { ExchangeOrderId = "v9" });
        catchUp.Append(Entry(3, JournalEntryKind.Submitted, "S2-10", T0.AddHours(1), null));

        Assert.False(catchUp.CatchingUp);
        Assert.Equal(2, catchUp.Verified);
        Assert.Equal(3, inner.ReadAll().Count); // the stored stand-in is kept, the new entry appended after it
        Assert.Equal(OrderManager.ReconciledWithVenueStatus + "Canceled", inner.ReadAll()[1].Reason);
    }

    [Theory]
    [InlineData("Filled", "S2-9", "v9", OrderManager.ReconciledWithVenueStatus + "Canceled")] // another outcome
    [InlineData("Canceled", "S2-8", "v9", OrderManager.ReconciledWithVenueStatus + "Canceled")] // another order
    [InlineData("Canceled", "S2-9", "v7", OrderManager.ReconciledWithVenueStatus + "Canceled")] // another venue order
    [InlineData("Canceled", "S2-9", "v9", "canceled on request at 10:00")] // not written by reconciliation: exact match needed
    public void Append_ReRunDiffersFromAReconciledEntry_OrTheStoredEntryIsNotOne_StillDiverges(string kind, string clientId, string venueId, string storedReason)
    {
        var inner = new MemoryOrderJournal();
        inner.Append(Entry(1, JournalEntryKind.Canceled, "S2-9", T0.AddSeconds(30), storedReason) with { ExchangeOrderId = "v9" });
        var catchUp = new CatchUpOrderJournal(inner);

        var ex = Assert.Throws<JournalDivergedException>(() => catchUp.Append(Entry(1, Enum.Parse<JournalEntryKind>(kind), clientId, T0, "canceled on request") with { ExchangeOrderId = venueId }));

        Assert.Contains("resume diverged at journal entry #1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StandsInFor_NotFoundAtVenue_StandsInForTheSameCancel()
    {
        var stored = Entry(4, JournalEntryKind.Canceled, "S1-3", T0, OrderManager.NotFoundDuringReconciliation);
        Assert.True(CatchUpOrderJournal.StandsInFor(stored, Entry(4, JournalEntryKind.Canceled, "S1-3", T0.AddMinutes(1), "canceled on request")));
        Assert.False(CatchUpOrderJournal.StandsInFor(stored, Entry(5, JournalEntryKind.Canceled, "S1-3", T0, "canceled on request")));
    }

    private static JournalEntry Entry(long sequence, JournalEntryKind kind, string clientId, DateTimeOffset time, string? reason) =>
        new(sequence, kind, clientId, time) { Reason = reason };
}
