using System.Globalization;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Validation;

/// <summary>
/// Checks an order against the venue's instrument rules before it leaves. Limit prices are rounded to the tick in the
/// passive direction (buys down, sells up); trigger prices to the nearest tick. Quantities are never changed: a size
/// off the lot, below the minimum or above the maximum is refused. Each refusal names the order and the rule.
/// </summary>
internal sealed class OrderValidator
{
    private readonly Dictionary<string, InstrumentSpec> _instruments;

    public OrderValidator(IEnumerable<InstrumentSpec> instruments)
    {
        _instruments = instruments.ToDictionary(i => i.Symbol, StringComparer.Ordinal);
    }

    /// <summary>The instrument for a symbol, or null.</summary>
    public InstrumentSpec? Find(string symbol) => _instruments.GetValueOrDefault(symbol);

    /// <summary>Validates; <paramref name="referencePrice"/> prices market orders for the notional check.</summary>
    public OrderValidation Validate(SubmitOrder order, decimal referencePrice, decimal currentPosition)
    {
        if (!_instruments.TryGetValue(order.Symbol, out var spec))
        {
            return Fail(order, "symbol", $"unknown symbol '{order.Symbol}'");
        }

        var sizeViolation = CheckSize(order, spec);
        if (sizeViolation is not null)
        {
            return new OrderValidation(null, sizeViolation);
        }

        var priced = NormalisePrices(order, spec, out var priceViolation);
        if (priceViolation is not null)
        {
            return new OrderValidation(null, priceViolation);
        }

        var price = priced.LimitPrice ?? priced.TriggerPrice ?? referencePrice;
        var notional = priced.Quantity * price;
        if (notional < spec.MinNotional)
        {
            return Fail(order, "notional-min", $"notional {F(notional)} is below the minimum {F(spec.MinNotional)}");
        }

        if (order.ReduceOnly)
        {
            var reduces = order.Side == OrderSide.Buy ? currentPosition < 0 : currentPosition > 0;
            if (!reduces || order.Quantity > Math.Abs(currentPosition))
            {
                return Fail(order, "reduce-only", $"{order.Side} {F(order.Quantity)} would not only reduce position {F(currentPosition)}");
            }
        }

        return new OrderValidation(priced, null);
    }

    private static OrderRuleViolation? CheckSize(SubmitOrder order, InstrumentSpec spec)
    {
        if (order.Quantity <= 0)
        {
            return Violation(order, "quantity-positive", $"quantity {F(order.Quantity)} must be positive");
        }

        if (order.Quantity < spec.MinQuantity)
        {
            return Violation(order, "quantity-min", $"quantity {F(order.Quantity)} is below the minimum {F(spec.MinQuantity)}");
        }

        if (order.Quantity > spec.MaxQuantity)
        {
            return Violation(order, "quantity-max", $"quantity {F(order.Quantity)} is above the maximum {F(spec.MaxQuantity)}");
        }

        if (spec.LotSize > 0 && order.Quantity % spec.LotSize != 0)
        {
            return Violation(order, "quantity-lot", $"quantity {F(order.Quantity)} is not a multiple of the lot size {F(spec.LotSize)}");
        }

        return null;
    }

    private static SubmitOrder NormalisePrices(SubmitOrder order, InstrumentSpec spec, out OrderRuleViolation? violation)
    {
        violation = null;
        var limit = order.LimitPrice;
        var trigger = order.TriggerPrice;
        if (order.Type == OrderType.Limit && limit is null)
        {
            violation = Violation(order, "price-required", "a limit order needs a limit price");
            return order;
        }

        if (order.Type is OrderType.Stop or OrderType.TakeProfit && trigger is null)
        {
            violation = Violation(order, "trigger-required", $"a {order.Type} order needs a trigger price");
            return order;
        }

        if (order.TimeInForce == TimeInForce.Alo && order.Type != OrderType.Limit)
        {
            violation = Violation(order, "alo-limit-only", "post-only (ALO) applies to limit orders only");
            return order;
        }

        if (limit is { } l)
        {
            limit = RoundToTick(l, spec.TickSize, order.Side == OrderSide.Buy ? MidpointRounding.ToZero : MidpointRounding.ToPositiveInfinity);
        }

        if (trigger is { } t)
        {
            trigger = RoundToTick(t, spec.TickSize, MidpointRounding.AwayFromZero);
        }

        if (limit <= 0 || trigger <= 0)
        {
            violation = Violation(order, "price-positive", "prices must be positive after rounding to the tick");
            return order;
        }

        return limit == order.LimitPrice && trigger == order.TriggerPrice ? order : order with { LimitPrice = limit, TriggerPrice = trigger };
    }

    /// <summary>Rounds <paramref name="price"/> to a multiple of <paramref name="tick"/> in the given direction.</summary>
    public static decimal RoundToTick(decimal price, decimal tick, MidpointRounding mode)
    {
        if (tick <= 0)
        {
            return price;
        }

        var steps = price / tick;
        var rounded = mode switch
        {
            MidpointRounding.ToZero => decimal.Floor(steps),
            MidpointRounding.ToPositiveInfinity => decimal.Ceiling(steps),
            _ => decimal.Round(steps, MidpointRounding.AwayFromZero),
        };
        return rounded * tick;
    }

    private static OrderValidation Fail(SubmitOrder order, string rule, string detail) => new(null, Violation(order, rule, detail));

    private static OrderRuleViolation Violation(SubmitOrder order, string rule, string detail) => new(order.ClientOrderId, rule, detail);

    private static string F(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
