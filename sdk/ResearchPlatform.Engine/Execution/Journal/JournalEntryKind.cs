namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>What a journal entry records. Each kind maps to one order state change (or a fill).</summary>
internal enum JournalEntryKind
{
    /// <summary>Validation or risk refused the order before it left (carries the order and the reason).</summary>
    Denied,

    /// <summary>The order was persisted and is about to be sent (carries the full order: write-ahead).</summary>
    Submitted,

    /// <summary>The venue acknowledged the order (carries the exchange order id).</summary>
    Accepted,

    /// <summary>The venue refused the order.</summary>
    Rejected,

    /// <summary>A cancel was requested.</summary>
    PendingCancel,

    /// <summary>The venue refused the cancel; the order returns to working.</summary>
    CancelRejected,

    /// <summary>The order was canceled.</summary>
    Canceled,

    /// <summary>The order expired.</summary>
    Expired,

    /// <summary>A modification was requested (carries the requested quantity and prices).</summary>
    PendingModify,

    /// <summary>The venue refused the modification; the order returns to working unchanged.</summary>
    ModifyRejected,

    /// <summary>The modification was applied (carries the new quantity and prices).</summary>
    Modified,

    /// <summary>A fill (carries fill id, price, quantity, fee, liquidity).</summary>
    Filled,
}
