using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Quality;

/// <summary>Computes <see cref="ExecutionQuality"/> for an order from its fills and timestamps.</summary>
internal static class ExecutionQualityCalculator
{
    public static ExecutionQuality Compute(ManagedOrder order, ExecutionQualityThresholds thresholds)
    {
        var avg = order.AverageFillPrice;
        var ratio = order.Order.Quantity == 0 ? 0 : order.FilledQuantity / order.Order.Quantity;
        var vsDecision = avg is { } a1 ? SlippageBps(order.Order.Side, a1, order.DecisionPrice) : null;
        var vsArrival = avg is { } a2 ? SlippageBps(order.Order.Side, a2, order.ArrivalPrice) : null;
        var maker = order.FilledQuantity == 0 ? 0 : order.MakerQuantity / order.FilledQuantity;
        return new ExecutionQuality(
            order.ClientOrderId,
            ratio,
            avg,
            vsDecision,
            vsArrival,
            order.SubmittedAt - order.DecisionTime,
            order.AcceptedAt - order.SubmittedAt,
            order.FirstFillAt - order.AcceptedAt,
            maker,
            order.Fees,
            Grade(ratio, vsArrival, thresholds));
    }

    /// <summary>Adverse slippage of <paramref name="fill"/> vs <paramref name="reference"/> in bps (null without a reference).</summary>
    public static decimal? SlippageBps(OrderSide side, decimal fill, decimal reference)
    {
        if (reference <= 0)
        {
            return null;
        }

        var raw = (fill - reference) / reference * 10_000m;
        return side == OrderSide.Buy ? raw : -raw;
    }

    /// <summary>The grade for a fill ratio and adverse slippage vs arrival.</summary>
    public static ExecutionGrade Grade(decimal fillRatio, decimal? slippageBps, ExecutionQualityThresholds t)
    {
        if (fillRatio <= 0)
        {
            return ExecutionGrade.Failed;
        }

        var slip = slippageBps ?? 0;
        if (slip <= t.ExcellentBps && fillRatio >= 1)
        {
            return ExecutionGrade.Excellent;
        }

        if (slip <= t.GoodBps && fillRatio >= t.GoodFillRatio)
        {
            return ExecutionGrade.Good;
        }

        return slip <= t.FairBps && fillRatio >= t.FairFillRatio ? ExecutionGrade.Fair : ExecutionGrade.Poor;
    }
}
