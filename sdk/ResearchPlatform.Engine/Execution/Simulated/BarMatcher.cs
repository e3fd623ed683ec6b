using ResearchPlatform.Engine.Execution.Validation;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>
/// Matching rules of the simulated venue over one bar (see docs/execution.md):
/// market orders (and stops/take-profits once triggered) take at the bar's open, a triggering bar at the trigger
/// price or the open if it gapped through; a limit order new since the last bar that is marketable at the open takes
/// at the open (never worse than its limit); otherwise a resting limit fills as maker at its limit when the bar trades
/// strictly through it; IOC cancels what it could not fill on its first bar. Taker prices get slippage, rounded to the
/// tick against the taker. Quantities are capped by the bar's remaining participation capacity, floored to the lot.
/// </summary>
internal static class BarMatcher
{
    public static MatchResult Match(SimulatedOrder o, Candle bar, decimal capacity, InstrumentSpec spec, SimulatedVenueOptions options)
    {
        var order = o.Order;
        var buy = order.Side == OrderSide.Buy;
        decimal reference;
        var triggeredNow = false;
        var liquidity = Liquidity.Taker;
        if (order.Type is OrderType.Stop or OrderType.TakeProfit && !o.Triggered)
        {
            var trigger = order.TriggerPrice!.Value;
            var risesTo = order.Type == OrderType.Stop == buy; // buy stop and sell take-profit trigger on the way up
            var hit = risesTo ? bar.High >= trigger : bar.Low <= trigger;
            if (!hit)
            {
                return MatchResult.None;
            }

            triggeredNow = true;
            reference = risesTo ? Math.Max(bar.Open, trigger) : Math.Min(bar.Open, trigger);
        }
        else if (order.Type != OrderType.Limit)
        {
            reference = bar.Open;
        }
        else
        {
            var limit = order.LimitPrice!.Value;
            var marketableAtOpen = buy ? bar.Open <= limit : bar.Open >= limit;
            if (o.Fresh && marketableAtOpen && order.TimeInForce != TimeInForce.Alo)
            {
                reference = bar.Open;
            }
            else if (order.TimeInForce == TimeInForce.Ioc)
            {
                return MatchResult.None with { CancelReason = "IOC: not marketable" };
            }
            else
            {
                var through = buy ? bar.Low < limit : bar.High > limit;
                if (!through)
                {
                    return MatchResult.None;
                }

                reference = limit;
                liquidity = Liquidity.Maker;
            }
        }

        var quantity = FloorToLot(Math.Min(o.Remaining, capacity), spec.LotSize);
        var cancel = order.TimeInForce == TimeInForce.Ioc && quantity < o.Remaining ? "IOC: remainder canceled" : null;
        if (quantity <= 0)
        {
            return new MatchResult(0, 0, liquidity, triggeredNow, cancel);
        }

        var price = liquidity == Liquidity.Maker ? reference : TakerPrice(order, reference, quantity, bar.Volume, spec, options);
        return new MatchResult(quantity, price, liquidity, triggeredNow, cancel);
    }

    /// <summary>Reference price moved against the taker by slippage + impact, on the tick, never past a limit.</summary>
    public static decimal TakerPrice(SubmitOrder order, decimal reference, decimal quantity, decimal volume, InstrumentSpec spec, SimulatedVenueOptions options)
    {
        var bps = options.SlippageBps + (volume > 0 ? options.ImpactBps * quantity / volume : 0);
        var buy = order.Side == OrderSide.Buy;
        var raw = reference * (1 + ((buy ? bps : -bps) / 10_000m));
        var price = OrderValidator.RoundToTick(raw, spec.TickSize, buy ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToZero);
        if (order.LimitPrice is { } limit && order.Type == OrderType.Limit)
        {
            price = buy ? Math.Min(price, limit) : Math.Max(price, limit);
        }

        return price;
    }

    public static decimal FloorToLot(decimal quantity, decimal lot) => lot <= 0 ? quantity : decimal.Floor(quantity / lot) * lot;
}
