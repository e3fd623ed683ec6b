using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution;

/// <summary>
/// Trailing stops emulated on top of plain venue stop orders (NautilusTrader's "order emulator" idea): the venue holds
/// an ordinary reduce-only stop; after each price update the session sees (a bar's high and low), the level follows the
/// best price by the trailing distance and the resting order is modified through the <see cref="OrderManager"/>, so
/// the venue always holds the current level. The level only tightens: a sell stop (long position) moves up to
/// high x (1 - trail), a buy stop (short position) down to low x (1 + trail), never back.
/// <para>
/// The state is the order itself: every move is a journaled modify (<c>pending_modify</c>, then the venue's
/// <c>modified</c> with the new trigger), so a restart that replays the journal has the current level as the order's
/// trigger price, and <see cref="Track"/> of the rebuilt order continues from it. This equals tracking the best price:
/// max(level, high x (1 - trail)) applied bar after bar = max(initial level, best high x (1 - trail)).
/// </para>
/// </summary>
internal sealed class TrailingStopEmulator(OrderManager manager)
{
    private readonly Dictionary<string, decimal> _trails = new(StringComparer.Ordinal);
    private long _moves;

    /// <summary>Modifies sent so far (each one a journaled move of a level).</summary>
    public long Moves => Interlocked.Read(ref _moves);

    /// <summary>Client order ids of the stop orders being trailed that are still working.</summary>
    public IReadOnlyCollection<string> Tracked => _trails.Keys;

    /// <summary>
    /// Trails the working stop order <paramref name="clientOrderId"/> by <paramref name="trail"/> (fraction of the best
    /// price, e.g. 0.03) from its current trigger price on.
    /// </summary>
    public void Track(string clientOrderId, decimal trail)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trail);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trail, 1m);
        var o = manager.Find(clientOrderId) ?? throw new KeyNotFoundException($"order {clientOrderId}: unknown");
        if (o.Order.Type != OrderType.Stop || o.Order.TriggerPrice is null)
        {
            throw new ArgumentException($"order {clientOrderId}: only a stop order with a trigger price can trail", nameof(clientOrderId));
        }

        _trails[clientOrderId] = trail;
    }

    /// <summary>The level <paramref name="stop"/> would move to after prices traded in [low, high], or null when it stays.</summary>
    public static decimal? NextLevel(SubmitOrder stop, decimal trail, decimal high, decimal low)
    {
        var current = stop.TriggerPrice!.Value;
        if (stop.Side == OrderSide.Sell)
        {
            var level = high * (1 - trail);
            return level > current ? level : null;
        }

        var up = low * (1 + trail);
        return up < current ? up : null;
    }

    /// <summary>
    /// Prices in [<paramref name="low"/>, <paramref name="high"/>] traded on <paramref name="symbol"/> (a bar after its
    /// stop check, or a tick with high = low): moves every tracked level that tightens; returns the number of modifies
    /// sent. Orders that ended are dropped; an order with a cancel or modify in flight is left for the next update.
    /// </summary>
    public async ValueTask<int> OnPricesAsync(string symbol, decimal high, decimal low, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var (id, trail) in _trails.ToList())
        {
            var o = manager.Find(id);
            if (o is null || o.IsTerminal)
            {
                _trails.Remove(id);
                continue;
            }

            if (o.Order.Symbol != symbol || o.State is OrderState.PendingCancel or OrderState.PendingModify or OrderState.Submitted)
            {
                continue;
            }

            if (NextLevel(o.Order, trail, high, low) is { } level && await manager.ModifyAsync(id, null, null, level, cancellationToken))
            {
                Interlocked.Increment(ref _moves);
                moved++;
            }
        }

        return moved;
    }
}
