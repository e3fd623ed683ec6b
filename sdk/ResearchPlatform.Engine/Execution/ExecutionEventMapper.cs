using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution;

/// <summary>Turns a venue event into the journal entry that records it, stamped with the local receive time.</summary>
internal static class ExecutionEventMapper
{
    public static JournalEntry ToEntry(ExecutionEvent e, DateTimeOffset receivedAt)
    {
        var entry = new JournalEntry(0, KindOf(e), e.ClientOrderId, receivedAt) { ExchangeOrderId = e.ExchangeOrderId };
        return e switch
        {
            OrderRejected r => entry with { Reason = r.Reason },
            OrderCanceled c => entry with { Reason = c.Reason },
            OrderModified m => entry with { Quantity = m.Quantity, LimitPrice = m.LimitPrice, TriggerPrice = m.TriggerPrice },
            OrderFilled f => entry with { FillId = f.FillId, FillPrice = f.Price, FillQuantity = f.Quantity, Fee = f.Fee, Liquidity = f.Liquidity },
            _ => entry,
        };
    }

    private static JournalEntryKind KindOf(ExecutionEvent e) => e switch
    {
        OrderAccepted => JournalEntryKind.Accepted,
        OrderRejected => JournalEntryKind.Rejected,
        OrderCanceled => JournalEntryKind.Canceled,
        OrderExpired => JournalEntryKind.Expired,
        OrderModified => JournalEntryKind.Modified,
        OrderFilled => JournalEntryKind.Filled,
        _ => throw new ArgumentException($"unknown execution event {e.GetType().Name}", nameof(e)),
    };
}
