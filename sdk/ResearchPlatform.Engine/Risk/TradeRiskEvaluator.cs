using System.Globalization;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk;

/// <summary>
/// The pre-trade check. Orders that reduce a position (same side, smaller or flat) are always approved: they are how
/// CRITICAL and EMERGENCY get out. Other orders are rejected at EMERGENCY and CRITICAL, need an approval at HIGH, are
/// rejected while the trade rate is exceeded or cooling down, and are resized to the position cap
/// (max_position_size_pct x the level's size multiplier) and the total exposure cap.
/// </summary>
internal static class TradeRiskEvaluator
{
    public static TradeRiskVerdict Evaluate(OrderIntent order, TradeRiskContext context, RiskGenome g, RiskLevel level, int tradesLastHour, bool rateBlocked)
    {
        var portfolio = context.Portfolio;
        var equity = portfolio.Equity;
        var q0 = portfolio.QuantityOf(order.Symbol);
        var q1 = q0 + order.Quantity;
        if (!double.IsFinite(order.Quantity) || order.Quantity == 0 || !(order.Price > 0) || !double.IsFinite(order.Price))
        {
            return TradeRiskVerdict.Reject(order.Quantity, level, "order needs a finite non-zero quantity and a positive price", []);
        }

        var reducing = q1 == 0 || (Math.Sign(q1) == Math.Sign(q0) && Math.Abs(q1) < Math.Abs(q0));
        var rate = new RiskCheck("max_trades_per_hour", tradesLastHour, g.MaxTradesPerHour, !rateBlocked);
        if (reducing)
        {
            return TradeRiskVerdict.Approve(order.Quantity, level, [rate]);
        }

        if (!(equity > 0))
        {
            return TradeRiskVerdict.Reject(order.Quantity, level, "no positive equity: only reducing orders", [rate]);
        }

        var levelReason = level switch
        {
            RiskLevel.Emergency => "EMERGENCY: trading halted; only reducing orders",
            RiskLevel.Critical => "CRITICAL: only reducing orders",
            RiskLevel.High when !context.HasApproval => "HIGH: new or increased positions need an approval",
            _ => null,
        };
        if (levelReason is not null)
        {
            return TradeRiskVerdict.Reject(order.Quantity, level, levelReason, [rate]);
        }

        if (rateBlocked)
        {
            return TradeRiskVerdict.Reject(order.Quantity, level,
                string.Create(CultureInfo.InvariantCulture, $"trade rate: {tradesLastHour} fills in the last hour, limit {g.MaxTradesPerHour} (or cooling down)"), [rate]);
        }

        return ApplyCaps(order, g, level, equity, q0, q1, portfolio.TotalExposure(), rate);
    }

    private static TradeRiskVerdict ApplyCaps(OrderIntent order, RiskGenome g, RiskLevel level, double equity, double q0, double q1, double exposure, RiskCheck rate)
    {
        var price = order.Price;
        var positionCapPct = g.MaxPositionSizePct * RiskLevelPolicy.SizeMultiplier(level);
        var newPositionPct = Math.Abs(q1) * price / equity;
        var otherExposure = exposure - (Math.Abs(q0) * price);
        var newExposurePct = (otherExposure + (Math.Abs(q1) * price)) / equity;
        RiskCheck[] checks =
        [
            rate,
            new("max_position_size_pct", newPositionPct, positionCapPct, newPositionPct <= positionCapPct),
            new("max_total_exposure_pct", newExposurePct, g.MaxTotalExposurePct, newExposurePct <= g.MaxTotalExposurePct),
        ];
        if (checks[1].Passed && checks[2].Passed)
        {
            return TradeRiskVerdict.Approve(order.Quantity, level, checks);
        }

        var maxAbsQ1 = Math.Max(0, Math.Min(positionCapPct * equity, (g.MaxTotalExposurePct * equity) - otherExposure) / price);
        var approvedQ1 = Math.Sign(q1) * Math.Min(Math.Abs(q1), maxAbsQ1);
        var approved = approvedQ1 - q0;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"position {newPositionPct:0.####} of equity (cap {positionCapPct:0.####}), exposure {newExposurePct:0.####} (cap {g.MaxTotalExposurePct:0.####})");
        if (approved == 0 || Math.Sign(approved) != Math.Sign(order.Quantity))
        {
            return TradeRiskVerdict.Reject(order.Quantity, level, "at limit: " + reason, checks);
        }

        return TradeRiskVerdict.Resize(order.Quantity, approved, level, "resized to limits: " + reason, checks);
    }
}
