using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>
/// One append-only journal record. Order state is rebuilt by replaying entries in sequence; fields not used by a kind
/// stay null and are omitted from the JSON line.
/// </summary>
internal sealed record JournalEntry(long Sequence, JournalEntryKind Kind, string ClientOrderId, DateTimeOffset Timestamp)
{
    /// <summary>The venue's order id (Accepted, and any later entry that knows it).</summary>
    public string? ExchangeOrderId { get; init; }

    /// <summary>Rejection, denial or cancel reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The full order (Submitted and Denied).</summary>
    public SubmitOrder? Order { get; init; }

    /// <summary>The signal's price (Submitted and Denied).</summary>
    public decimal? DecisionPrice { get; init; }

    /// <summary>When the signal fired (Submitted and Denied).</summary>
    public DateTimeOffset? DecisionTime { get; init; }

    /// <summary>The market price when the order reached the manager (Submitted).</summary>
    public decimal? ArrivalPrice { get; init; }

    /// <summary>New quantity (PendingModify, Modified).</summary>
    public decimal? Quantity { get; init; }

    /// <summary>New limit price (PendingModify, Modified).</summary>
    public decimal? LimitPrice { get; init; }

    /// <summary>New trigger price (PendingModify, Modified).</summary>
    public decimal? TriggerPrice { get; init; }

    /// <summary>Venue trade id (Filled).</summary>
    public string? FillId { get; init; }

    /// <summary>Fill price (Filled).</summary>
    public decimal? FillPrice { get; init; }

    /// <summary>Fill quantity (Filled).</summary>
    public decimal? FillQuantity { get; init; }

    /// <summary>Fee in quote units (Filled).</summary>
    public decimal? Fee { get; init; }

    /// <summary>Maker or taker (Filled).</summary>
    public Liquidity? Liquidity { get; init; }
}
