using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution;

/// <summary>
/// What the strategy path asks the order manager for. The manager assigns the client order id.
/// <paramref name="DecisionPrice"/> is the price the signal saw; <paramref name="ArrivalPrice"/> the market price when the
/// order reached the manager (defaults to the decision price); both feed execution quality and the notional check.
/// </summary>
internal sealed record OrderRequest(
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal DecisionPrice,
    DateTimeOffset DecisionTime,
    decimal? LimitPrice = null,
    decimal? TriggerPrice = null,
    TimeInForce TimeInForce = TimeInForce.Gtc,
    bool ReduceOnly = false,
    decimal? ArrivalPrice = null)
{
    /// <summary>Good till date: the venue expires the order at this time (null = no expiry).</summary>
    public DateTimeOffset? ExpireAt { get; init; }

    /// <summary>The command sent to the venue for this request.</summary>
    public SubmitOrder ToCommand(string clientOrderId) =>
        new(clientOrderId, Symbol, Side, Type, Quantity, LimitPrice, TriggerPrice, TimeInForce, ReduceOnly, ExpireAt);
}
