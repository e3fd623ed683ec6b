namespace ResearchPlatform.Sdk.Execution;

/// <summary>
/// Command: change the quantity and/or prices of a working order, identified by client order id or exchange order id.
/// A null field keeps its current value.
/// </summary>
public sealed record ModifyOrder(
    string Symbol,
    string? ClientOrderId,
    string? ExchangeOrderId = null,
    decimal? Quantity = null,
    decimal? LimitPrice = null,
    decimal? TriggerPrice = null);
