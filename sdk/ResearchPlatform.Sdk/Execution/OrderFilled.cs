namespace ResearchPlatform.Sdk.Execution;

/// <summary>Event: part or all of the order executed. <paramref name="FillId"/> is unique per venue and deduplicates repeats.</summary>
/// <param name="ClientOrderId">The caller's id for the order.</param>
/// <param name="ExchangeOrderId">The venue's id for the order.</param>
/// <param name="Timestamp">Execution time.</param>
/// <param name="FillId">The venue's trade id.</param>
/// <param name="Symbol">Instrument symbol.</param>
/// <param name="Side">Side of the order that filled.</param>
/// <param name="Price">Execution price.</param>
/// <param name="Quantity">Executed quantity of this fill.</param>
/// <param name="Fee">Fee charged in quote units (negative for a rebate).</param>
/// <param name="Liquidity">Maker or taker.</param>
public sealed record OrderFilled(
    string ClientOrderId,
    string ExchangeOrderId,
    DateTimeOffset Timestamp,
    string FillId,
    string Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee,
    Liquidity Liquidity)
    : ExecutionEvent(ClientOrderId, ExchangeOrderId, Timestamp);
