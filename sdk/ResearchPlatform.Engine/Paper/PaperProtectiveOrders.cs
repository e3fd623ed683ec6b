using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// The risk genome's stop-loss and take-profit as venue orders: for the open position, a reduce-only stop (market when
/// triggered) at entry x (1 -+ stop) and a reduce-only take-profit at entry x (1 +- take-profit), placed through the order
/// manager (journaled like every order); canceled and replaced whenever the position changes, canceled when it is flat
/// (after one of them filled, the other is canceled here; the venue also cancels a reduce-only order with nothing left
/// to reduce). Levels are relative to the position's average entry price, like the backtest kernel's.
/// With a trailing distance the stop starts at the tighter of the stop-loss and the trailing level (the kernel's one
/// combined stop) and <see cref="TrailAsync"/> moves it with the best price through the <see cref="TrailingStopEmulator"/>.
/// </summary>
internal sealed class PaperProtectiveOrders(OrderManager manager, string symbol, decimal stopLoss, decimal takeProfit, decimal trail = 0m)
{
    private readonly List<string> _ids = [];
    private readonly TrailingStopEmulator _trailing = new(manager);
    private decimal _protected;

    /// <summary>Whether <paramref name="order"/> is a protective order that has not filled (working or ended untriggered).</summary>
    public static bool IsUntriggered(ManagedOrder order) => order.Order.Type is OrderType.Stop or OrderType.TakeProfit && order.FilledQuantity == 0;

    /// <summary>Whether any level is set (stop-loss or take-profit above zero).</summary>
    public bool Enabled => stopLoss > 0 || takeProfit > 0 || trail > 0;

    /// <summary>The trailing stops' emulator (moves so far, orders trailed).</summary>
    public TrailingStopEmulator Trailing => _trailing;

    /// <summary>
    /// After a resume: takes the protective orders still working (rebuilt from the journal and reconciled with the venue)
    /// as the ones of the current position, so they are replaced or canceled like any others instead of being doubled.
    /// </summary>
    public void Adopt()
    {
        _ids.Clear();
        _ids.AddRange(manager.Orders.Where(o => !o.IsTerminal && o.Order.Symbol == symbol && o.Order.Type is OrderType.Stop or OrderType.TakeProfit).Select(o => o.ClientOrderId));
        _protected = _ids.Count > 0 ? manager.Positions.QuantityOf(symbol) : 0;
        if (trail > 0)
        {
            foreach (var id in _ids.Where(id => manager.Find(id)!.Order.Type == OrderType.Stop))
            {
                _trailing.Track(id, trail); // the level the journal holds (its last modify)
            }
        }
    }

    /// <summary>
    /// Prices in [<paramref name="low"/>, <paramref name="high"/>] traded since the last call (a bar, after its stop
    /// check): the trailing stop follows the best price; true when a level moved (the caller drains the venue's events).
    /// </summary>
    public async ValueTask<bool> TrailAsync(decimal high, decimal low, CancellationToken cancellationToken) =>
        trail > 0 && await _trailing.OnPricesAsync(symbol, high, low, cancellationToken) > 0;

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
        if (stopLoss > 0 || trail > 0)
        {
            // one stop at the tighter of the two levels, as the kernel combines them
            var distance = stopLoss > 0 && trail > 0 ? Math.Min(stopLoss, trail) : Math.Max(stopLoss, trail);
            var stop = await PlaceAsync(OrderType.Stop, exit, Math.Abs(quantity), entry * (1 - (direction * distance)), time, cancellationToken);
            if (stop is not null && trail > 0)
            {
                _trailing.Track(stop, trail);
            }
        }

        if (takeProfit > 0)
        {
            await PlaceAsync(OrderType.TakeProfit, exit, Math.Abs(quantity), entry * (1 + (direction * takeProfit)), time, cancellationToken);
        }

        return true;
    }

    private async ValueTask<string?> PlaceAsync(OrderType type, OrderSide side, decimal quantity, decimal trigger, DateTimeOffset time, CancellationToken cancellationToken)
    {
        if (trigger <= 0)
        {
            return null;
        }

        var submission = await manager.SubmitAsync(new OrderRequest(symbol, side, type, quantity, trigger, time, TriggerPrice: trigger, ReduceOnly: true), cancellationToken);
        if (!submission.IsAccepted)
        {
            return null;
        }

        _ids.Add(submission.ClientOrderId);
        return submission.ClientOrderId;
    }
}
