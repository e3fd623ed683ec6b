namespace ResearchPlatform.Sdk.Execution;

/// <summary>Event: the venue expired the order.</summary>
public sealed record OrderExpired(string ClientOrderId, string ExchangeOrderId, DateTimeOffset Timestamp)
    : ExecutionEvent(ClientOrderId, ExchangeOrderId, Timestamp);
