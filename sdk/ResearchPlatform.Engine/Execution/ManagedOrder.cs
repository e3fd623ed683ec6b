using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution;

/// <summary>
/// The order manager's live view of one order. Mutated only by <see cref="OrderStore"/> while applying journal
/// entries, so replaying the journal rebuilds exactly this state.
/// </summary>
internal sealed class ManagedOrder
{
    public ManagedOrder(SubmitOrder order, decimal decisionPrice, DateTimeOffset decisionTime, decimal arrivalPrice)
    {
        Order = order;
        DecisionPrice = decisionPrice;
        DecisionTime = decisionTime;
        ArrivalPrice = arrivalPrice;
    }

    /// <summary>The order as last sent or modified.</summary>
    public SubmitOrder Order { get; set; }

    public string ClientOrderId => Order.ClientOrderId;

    public OrderState State { get; set; } = OrderState.Initialized;

    public string? ExchangeOrderId { get; set; }

    public string? Reason { get; set; }

    public decimal DecisionPrice { get; }

    public DateTimeOffset DecisionTime { get; }

    public decimal ArrivalPrice { get; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? FirstFillAt { get; set; }

    public DateTimeOffset? LastFillAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public decimal FilledQuantity { get; set; }

    /// <summary>Sum of price x quantity over fills (for the average price).</summary>
    public decimal FilledNotional { get; set; }

    public decimal Fees { get; set; }

    public decimal MakerQuantity { get; set; }

    public decimal TakerQuantity { get; set; }

    /// <summary>Fills that arrived after the order was already canceled or expired (the cancel race).</summary>
    public int LateFills { get; set; }

    /// <summary>True when the venue's view is unknown (retries exhausted on an ambiguous failure).</summary>
    public bool NeedsReconciliation { get; set; }

    public decimal? AverageFillPrice => FilledQuantity == 0 ? null : FilledNotional / FilledQuantity;

    public decimal RemainingQuantity => Math.Max(0, Order.Quantity - FilledQuantity);

    public bool IsTerminal => OrderStateMachine.IsTerminal(State);

    /// <summary>The working state to return to when a pending cancel or modify is refused.</summary>
    public OrderState WorkingState => FilledQuantity > 0 ? OrderState.PartiallyFilled : OrderState.Accepted;
}
