using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper;

/// <summary>Computes <see cref="PaperPerformance"/> from a runner's trades, orders and per-bar equity.</summary>
internal static class PaperPerformanceCalculator
{
    public static PaperPerformance Compute(OrderManager manager, IReadOnlyList<PaperTrade> trades, IReadOnlyList<double> equity, decimal initialCash, double barsPerYear)
    {
        var wins = 0;
        var streak = 0;
        var maxStreak = 0;
        var total = 0m;
        foreach (var t in trades)
        {
            total += t.Pnl;
            if (t.Pnl > 0)
            {
                wins++;
                streak = 0;
            }
            else
            {
                streak++;
                maxStreak = Math.Max(maxStreak, streak);
            }
        }

        var (sent, untriggered, filled, denied, partial, slip, latency, fees) = Orders(manager);
        var sharpe = Sharpe(equity, (double)initialCash, barsPerYear);
        var maxDd = MaxDrawdown(equity, (double)initialCash);
        var fillRate = sent > untriggered ? (double)filled / (sent - untriggered) : 0;
        var finalEquity = equity.Count > 0 ? equity[^1] : (double)initialCash;
        var fitness = trades.Count == 0 || !double.IsFinite(sharpe) ? 0 : sharpe * (1 - maxDd) * fillRate;
        return new PaperPerformance(
            trades.Count,
            trades.Count > 0 ? (double)wins / trades.Count : 0,
            total,
            ((finalEquity / (double)initialCash) - 1) * 100,
            sharpe,
            maxDd,
            maxStreak,
            slip,
            latency,
            fillRate,
            sent,
            filled,
            denied,
            partial,
            fees,
            fitness);
    }

    /// <summary>Annualised Sharpe of per-bar equity returns (0 risk-free); NaN with fewer than 2 returns or no variance.</summary>
    public static double Sharpe(IReadOnlyList<double> equity, double initial, double barsPerYear)
    {
        var n = 0;
        double mean = 0, m2 = 0, prev = initial;
        foreach (var e in equity)
        {
            var r = prev > 0 ? (e / prev) - 1 : 0;
            prev = e;
            n++;
            var d = r - mean;
            mean += d / n;
            m2 += d * (r - mean);
        }

        if (n < 2 || m2 <= 0)
        {
            return double.NaN;
        }

        var sd = Math.Sqrt(m2 / (n - 1));
        return mean / sd * Math.Sqrt(barsPerYear);
    }

    /// <summary>Largest fall from a running peak as a fraction of that peak (0 when equity never fell).</summary>
    public static double MaxDrawdown(IReadOnlyList<double> equity, double initial)
    {
        double peak = initial, worst = 0;
        foreach (var e in equity)
        {
            peak = Math.Max(peak, e);
            if (peak > 0)
            {
                worst = Math.Max(worst, (peak - e) / peak);
            }
        }

        return worst;
    }

    /// <summary>Order statistics; <c>Untriggered</c>: protective stops / take-profits sent that never filled (not execution attempts).</summary>
    private static (int Sent, int Untriggered, int Filled, int Denied, int Partial, double Slip, double Latency, decimal Fees) Orders(OrderManager manager)
    {
        int sent = 0, untriggered = 0, filled = 0, denied = 0, partial = 0, slipN = 0, latN = 0;
        double slip = 0, latency = 0;
        var fees = 0m;
        foreach (var o in manager.Orders)
        {
            fees += o.Fees;
            var trigger = o.Order.Type is OrderType.Stop or OrderType.TakeProfit;
            if (PaperProtectiveOrders.IsUntriggered(o) && o.SubmittedAt is not null)
            {
                sent++;
                untriggered++;
                continue;
            }

            if (o.SubmittedAt is null)
            {
                denied++;
                continue;
            }

            sent++;
            if (o.FilledQuantity > 0 && o.FilledQuantity >= o.Order.Quantity)
            {
                filled++;
            }
            else if (o.FilledQuantity > 0)
            {
                partial++;
            }

            if (Slippage(manager, o, trigger) is { } s)
            {
                slip += (double)s;
                slipN++;
            }

            if (o.FirstFillAt is { } first && !trigger)
            {
                latency += (first - o.DecisionTime).TotalMilliseconds;
                latN++;
            }
        }

        return (sent, untriggered, filled, denied, partial, slipN > 0 ? slip / slipN : 0, latN > 0 ? latency / latN : 0, fees);
    }

    /// <summary>
    /// Slippage in bps (positive = adverse) vs the decision price; for a stop / take-profit vs the trigger it held when
    /// it filled (a trailed stop's decision price is its first level, not the one it filled at).
    /// </summary>
    private static double? Slippage(OrderManager manager, ManagedOrder o, bool trigger)
    {
        if (trigger && o.AverageFillPrice is { } px && o.Order.TriggerPrice is { } level && level > 0)
        {
            return (double)((o.Order.Side == OrderSide.Buy ? px - level : level - px) / level * 10_000m);
        }

        return (double?)manager.Quality(o.ClientOrderId).SlippageVsDecisionBps;
    }
}
