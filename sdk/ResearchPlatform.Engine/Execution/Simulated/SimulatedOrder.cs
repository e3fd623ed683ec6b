using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>The simulated venue's book entry for one order.</summary>
internal sealed class SimulatedOrder
{
    public SimulatedOrder(SubmitOrder order, string exchangeOrderId, DateTimeOffset createdAt)
    {
        Order = order;
        ExchangeOrderId = exchangeOrderId;
        UpdatedAt = createdAt;
    }

    /// <summary>The order as placed or last modified.</summary>
    public SubmitOrder Order { get; set; }

    public string ExchangeOrderId { get; }

    public VenueOrderStatus Status { get; set; } = VenueOrderStatus.Open;

    public decimal Filled { get; set; }

    public decimal FilledNotional { get; set; }

    /// <summary>A stop or take-profit whose trigger was reached (it now executes as a market order).</summary>
    public bool Triggered { get; set; }

    /// <summary>True until the first bar after arrival has been processed (marketable limits take at that bar's open).</summary>
    public bool Fresh { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }

    public decimal Remaining => Order.Quantity - Filled;

    public bool IsWorking => Status is VenueOrderStatus.Open or VenueOrderStatus.PartiallyFilled;

    public VenueOrder Snapshot() => new(
        Order.ClientOrderId, ExchangeOrderId, Order.Symbol, Order.Side, Order.Type, Order.Quantity, Filled,
        Filled == 0 ? null : FilledNotional / Filled, Order.LimitPrice, Order.TriggerPrice, Order.TimeInForce,
        Order.ReduceOnly, Status, UpdatedAt);
}
