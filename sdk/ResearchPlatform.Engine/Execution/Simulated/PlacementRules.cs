using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>The simulated venue's own checks of a new or modified order; each refusal uses the venue's wording.</summary>
internal static class PlacementRules
{
    /// <summary>The refusal reason, or null when the venue accepts <paramref name="order"/>.</summary>
    /// <param name="order">The order as it would rest.</param>
    /// <param name="now">The venue clock.</param>
    /// <param name="instruments">Known instruments by symbol.</param>
    /// <param name="lastClose">The symbol's last close, when a bar has been seen (post-only check).</param>
    public static string? Check(SubmitOrder order, DateTimeOffset now, IReadOnlyDictionary<string, InstrumentSpec> instruments, decimal? lastClose)
    {
        if (order.ExpireAt is { } expireAt && expireAt <= now)
        {
            return "expire_at is not in the future";
        }

        if (!instruments.TryGetValue(order.Symbol, out var spec))
        {
            return $"unknown symbol '{order.Symbol}'";
        }

        if (order.Quantity <= 0 || order.Quantity < spec.MinQuantity || order.Quantity > spec.MaxQuantity
            || (spec.LotSize > 0 && order.Quantity % spec.LotSize != 0))
        {
            return "invalid size";
        }

        if (order.LimitPrice is { } l && spec.TickSize > 0 && l % spec.TickSize != 0)
        {
            return "price not on tick";
        }

        if (order.TimeInForce == TimeInForce.Alo && order.LimitPrice is { } limit && lastClose is { } last
            && (order.Side == OrderSide.Buy ? limit >= last : limit <= last))
        {
            return "post-only order would cross";
        }

        return null;
    }
}
