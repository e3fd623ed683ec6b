namespace ResearchPlatform.Sdk.Execution;

/// <summary>Event: the venue refused the order.</summary>
public sealed record OrderRejected(string ClientOrderId, string ExchangeOrderId, DateTimeOffset Timestamp, string Reason)
    : ExecutionEvent(ClientOrderId, ExchangeOrderId, Timestamp);
