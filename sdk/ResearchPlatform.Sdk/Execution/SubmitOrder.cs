namespace ResearchPlatform.Sdk.Execution;

/// <summary>Command: place a new order. The client order id is chosen by the caller and is the idempotency key.</summary>
/// <param name="ClientOrderId">Caller-assigned unique id; the venue refuses a second order with the same id.</param>
/// <param name="Symbol">Instrument symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit, stop or take-profit.</param>
/// <param name="Quantity">Quantity in base units, a multiple of the lot size.</param>
/// <param name="LimitPrice">Required for limit orders, a multiple of the tick size.</param>
/// <param name="TriggerPrice">Required for stop and take-profit orders.</param>
/// <param name="TimeInForce">GTC, IOC or ALO (post-only); ALO applies to limit orders only.</param>
/// <param name="ReduceOnly">When true the order may only reduce an open position.</param>
/// <param name="ExpireAt">Good till date: the venue expires what is still working at this time (its own clock); null = no expiry.</param>
public sealed record SubmitOrder(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? LimitPrice = null,
    decimal? TriggerPrice = null,
    TimeInForce TimeInForce = TimeInForce.Gtc,
    bool ReduceOnly = false,
    DateTimeOffset? ExpireAt = null);
