namespace ResearchPlatform.Sdk.Execution;

/// <summary>Snapshot of an order as the venue knows it (used for status queries and reconciliation).</summary>
public sealed record VenueOrder(
    string ClientOrderId,
    string ExchangeOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    decimal? LimitPrice,
    decimal? TriggerPrice,
    TimeInForce TimeInForce,
    bool ReduceOnly,
    VenueOrderStatus Status,
    DateTimeOffset UpdatedAt);
