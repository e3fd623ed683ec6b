namespace ResearchPlatform.Engine.Execution;

/// <summary>An order's lifecycle state in the order manager (NautilusTrader's model, reduced to what the product uses).</summary>
internal enum OrderState
{
    /// <summary>Created locally, not yet persisted or sent.</summary>
    Initialized,

    /// <summary>Persisted in the journal and sent (or being sent) to the venue.</summary>
    Submitted,

    /// <summary>The venue acknowledged it; working.</summary>
    Accepted,

    /// <summary>Part of the quantity filled; still working.</summary>
    PartiallyFilled,

    /// <summary>Completely filled. Terminal.</summary>
    Filled,

    /// <summary>A cancel was requested; fills may still arrive.</summary>
    PendingCancel,

    /// <summary>Canceled. Terminal.</summary>
    Canceled,

    /// <summary>Refused by validation, risk or the venue. Terminal.</summary>
    Rejected,

    /// <summary>Expired by the venue. Terminal.</summary>
    Expired,

    /// <summary>A modification was requested.</summary>
    PendingModify,
}
