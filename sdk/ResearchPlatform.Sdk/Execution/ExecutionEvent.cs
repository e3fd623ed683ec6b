namespace ResearchPlatform.Sdk.Execution;

/// <summary>
/// An order update or fill pushed by a venue. Streams may repeat or reorder events; consumers deduplicate fills by
/// <see cref="OrderFilled.FillId"/> and treat updates that do not fit the order's state as illegal transitions.
/// </summary>
/// <param name="ClientOrderId">The caller's id for the order.</param>
/// <param name="ExchangeOrderId">The venue's id for the order.</param>
/// <param name="Timestamp">When the venue produced the event.</param>
public abstract record ExecutionEvent(string ClientOrderId, string ExchangeOrderId, DateTimeOffset Timestamp);
