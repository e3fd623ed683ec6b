namespace ResearchPlatform.Sdk.Execution;

/// <summary>Event: the order was canceled (on request, as an IOC remainder, or by the venue); the reason says which.</summary>
public sealed record OrderCanceled(string ClientOrderId, string ExchangeOrderId, DateTimeOffset Timestamp, string Reason)
    : ExecutionEvent(ClientOrderId, ExchangeOrderId, Timestamp);
