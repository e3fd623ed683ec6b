using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// The risk genome's stop-loss and take-profit as venue orders: for the open position, a reduce-only stop (market when
/// triggered) at entry x (1 -+ stop) and a reduce-only take-profit at entry x (1 +- take-profit), placed through the order
/// manager (journaled like every order); canceled and replaced whenever the position changes, canceled when it is flat
/// (after one of them filled, the other is canceled here; the venue also cancels a reduce-only order with nothing left
/// to reduce). Levels are relative to the position's average entry price, like the backtest kernel's.
/// </summary>
internal sealed class PaperProtectiveOrders(OrderManager manager, string symbol, decimal stopLoss, decimal takeProfit)
{
    private readonly List<string> _ids = [];
    private decimal _protected;

    /// <summary>Whether <paramref name="order"/> is a protective order that has not filled (working or ended untriggered).</summary>
    public static bool IsUntriggered(ManagedOrder order) => order.Order.Type is OrderType.Stop or OrderType.TakeProfit && order.FilledQuantity == 0;

    /// <summary>Whether any level is set (stop-loss or take-profit above zero).</summary>
    public bool Enabled => stopLoss > 0 || takeProfit > 0;

    /// <summary>
    /// After a resume: takes the protective orders still working (rebuilt from the journal and reconciled with the venue)
    /// as the ones of the current position, so they are replaced or canceled like any others instead of being doubled.
    /// </summary>
    public void Adopt()
    {
        _ids.Clear();
        _ids.AddRange(manager.Orders.Where(o => !o.IsTerminal && o.Order.Symbol == symbol && o.Order.Type is OrderType.Stop or OrderType.TakeProfit).Select(o => o.ClientOrderId));
        _protected = _ids.Count > 0 ? manager.Positions.QuantityOf(symbol) : 0;
    }

    /// <summary>
    /// Brings the protective orders in line with the current position; true when it placed or canceled any (the caller
    /// drains the venue's events and may let new triggers match the current bar).
    /// </summary>
    public async ValueTask<bool> SyncAsync(DateTimeOffset time, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return false;
        }

        var snapshot = manager.Positions.Snapshot(symbol);
        var quantity = snapshot.Quantity;
        if (quantity == _protected)
        {
            return false; // also when the venue rejected one: it is not sent again for the same position
        }

        var working = _ids.Select(manager.Find).Where(o => o is { IsTerminal: false }).ToList();

        foreach (var o in working)
        {
            await manager.CancelAsync(o!.ClientOrderId, cancellationToken);
        }

        _ids.Clear();
        _protected = quantity;
        if (quantity == 0)
        {
            return true;
        }

        var entry = snapshot.AverageEntryPrice;
        var exit = quantity > 0 ? OrderSide.Sell : OrderSide.Buy;
        var direction = quantity > 0 ? 1m : -1m;
        if (stopLoss > 0)
        {
            await PlaceAsync(OrderType.Stop, exit, Math.Abs(quantity), entry * (1 - (direction * stopLoss)), time, cancellationToken);
        }

        if (takeProfit > 0)
        {
            await PlaceAsync(OrderType.TakeProfit, exit, Math.Abs(quantity), entry * (1 + (direction * takeProfit)), time, cancellationToken);
        }

        return true;
    }

    private async ValueTask PlaceAsync(OrderType type, OrderSide side, decimal quantity, decimal trigger, DateTimeOffset time, CancellationToken cancellationToken)
    {
        if (trigger <= 0)
        {
            return;
        }

        var submission = await manager.SubmitAsync(new OrderRequest(symbol, side, type, quantity, trigger, time, TriggerPrice: trigger, ReduceOnly: true), cancellationToken);
        if (submission.IsAccepted)
        {
            _ids.Add(submission.ClientOrderId);
        }
    }
}
