namespace ResearchPlatform.Sdk.Execution;

/// <summary>Event: the venue accepted the order and it is working.</summary>
public sealed record OrderAccepted(string ClientOrderId, string ExchangeOrderId, DateTimeOffset Timestamp)
    : ExecutionEvent(ClientOrderId, ExchangeOrderId, Timestamp);
