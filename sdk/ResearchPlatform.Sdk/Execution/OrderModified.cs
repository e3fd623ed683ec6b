namespace ResearchPlatform.Sdk.Execution;

/// <summary>Event: a modify request was applied; the fields are the order's new quantity and prices.</summary>
public sealed record OrderModified(
    string ClientOrderId,
    string ExchangeOrderId,
    DateTimeOffset Timestamp,
    decimal Quantity,
    decimal? LimitPrice,
    decimal? TriggerPrice)
    : ExecutionEvent(ClientOrderId, ExchangeOrderId, Timestamp);
