using System.Text.Json;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Host.Service.Views;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>Builds the API views from <see cref="TradingRuntime"/>; callers hold <see cref="TradingRuntime.Gate"/>.</summary>
internal static class TradingViews
{
    public const int MaxCurvePoints = 500;

    public static PortfolioView Portfolio(TradingRuntime rt, bool withCurve)
    {
        var bars = rt.Bars;
        double realized = 0, unrealized = 0, exposure = 0;
        if (bars is not null && rt.BarIndex >= 0)
        {
            var mark = (decimal)bars.Close[rt.BarIndex];
            foreach (var slot in rt.Slots.Where(s => s.Runner is not null))
            {
                var p = slot.Runner!.Manager.Positions.Snapshot(bars.Symbol, mark);
                realized += (double)(p.RealizedPnl - p.Fees + p.Funding);
                unrealized += (double)p.UnrealizedPnl;
                exposure += (double)(p.Quantity * mark);
            }
        }

        var equity = rt.Curve.Count > 0 ? rt.Curve[^1].Equity : rt.InitialEquity;
        var drawdown = rt.Peak > 0 ? Math.Max(0, (rt.Peak - equity) / rt.Peak * 100) : 0;
        return new PortfolioView(
            equity, equity - exposure, realized, unrealized, rt.Curve.Count > 0 ? equity - rt.DayStartEquity : 0, drawdown, rt.MaxDrawdownPct,
            rt.Curve.Count > 0 ? rt.Curve[^1].T : null, rt.BarIndex + 1, withCurve ? Downsample(rt.Curve) : null);
    }

    public static IReadOnlyList<OrderView> Orders(TradingRuntime rt, int limit) =>
        Newest(rt.Slots.Where(s => s.Runner is not null).SelectMany(s => s.Runner!.Manager.Orders.Select(o => Order(s.Id, o))), limit);

    /// <summary>The newest <paramref name="limit"/> orders (the order of /api/orders).</summary>
    internal static IReadOnlyList<OrderView> Newest(IEnumerable<OrderView> orders, int limit) =>
        [.. orders.OrderByDescending(o => o.UpdatedAt).ThenByDescending(o => o.ClientOrderId, StringComparer.Ordinal).Take(limit)];

    public static OrderView? Order(StrategySlot slot, string clientOrderId) =>
        slot.Runner?.Manager.Find(clientOrderId) is { } o ? Order(slot.Id, o) : null;

    public static IReadOnlyList<FillView> Fills(TradingRuntime rt, int limit) =>
        [.. rt.Slots.Where(s => s.Journal is not null).SelectMany(s => s.Journal!.Fills.Select(f => Fill(s.Id, f, s.Runner?.Manager.Find(f.ClientOrderId))))
            .OrderByDescending(f => f.T).Take(limit)];

    /// <summary>One journaled fill of strategy <paramref name="strategyId"/> (its order gives symbol and side).</summary>
    internal static FillView Fill(string strategyId, JournalEntry f, ManagedOrder? order) =>
        new(f.ClientOrderId, strategyId, order?.Order.Symbol ?? string.Empty, Lower(order?.Order.Side.ToString()), (double)(f.FillQuantity ?? 0), (double)(f.FillPrice ?? 0), (double)(f.Fee ?? 0), Lower(f.Liquidity?.ToString()), f.Timestamp);

    public static RiskView Risk(TradingRuntime rt)
    {
        var breakers = rt.Risk?.ActiveBreakers().Select(b => new BreakerView(b.Name, $"{b.Name}: value {b.Value:0.####} >= trigger {b.Trigger:0.####} ({b.Severity})", b.Since, null)).ToList() ?? [];
        var level = rt.HaltReason is not null ? "EMERGENCY" : (rt.Risk?.Level.ToString().ToUpperInvariant() ?? "LOW");
        var market = Market(rt);
        return new RiskView(level, market?.Regime ?? "unknown", rt.FearGreed, breakers, [.. Enumerable.Reverse(rt.RiskEvents)], market);
    }

    /// <summary>The regime detector's state at the current bar (the first bar before the replay starts); null without data.</summary>
    public static RegimeView? Market(TradingRuntime rt)
    {
        if (rt.Bars is not { } bars || rt.Regimes is not { Count: > 0 } regimes)
        {
            return null;
        }

        var i = Math.Clamp(rt.BarIndex, 0, regimes.Count - 1);
        var r = regimes[i];
        var correlation = rt.LastRiskMetrics?.AverageCorrelation;
        return new RegimeView(
            JsonNamingPolicy.SnakeCaseLower.ConvertName(r.Regime.ToString()), bars.TimeAt(i) + bars.Interval.Duration, i,
            Finite(r.Volatility), Finite(r.VolatilityPercentile), Finite(r.Trend), r.FearGreed, rt.FearGreedDays, correlation is { } c ? Finite(c) : null);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    public static IReadOnlyList<StrategyView> Strategies(TradingRuntime rt) =>
        [.. rt.Slots.Select(s =>
        {
            var genes = s.Strategy.Seed.Genes.Select((g, i) => (g.Name, s.Strategy.Genes[i])).ToDictionary(x => x.Name, x => x.Item2);
            var curve = Downsample(rt.Curve.Take(s.Equity.Count).Select((c, i) => (c.T, s.Equity[i])).ToList());
            if (rt.Bars is { } bars)
            {
                SlotBacktests.Ensure(s, bars, (double)rt.Settings.CashPerStrategy);
            }

            return new StrategyView(s.Id, s.Strategy.Seed.Id, s.PluginSource, genes, "paper", s.Running && rt.HaltReason is null && !rt.Finished, s.Backtest, s.OutOfSample, Metrics(rt, s), curve);
        })];

    private static MetricsView? Metrics(TradingRuntime rt, StrategySlot s) =>
        rt.Bars is null ? null : Metrics(s.Equity, (double)rt.Settings.CashPerStrategy, Annualization.BarsPerYear(rt.Bars), s.Runner?.Trades ?? []);

    /// <summary>Return, Sharpe, max drawdown and trades of one strategy's per-bar equity (null before 2 bars).</summary>
    internal static MetricsView? Metrics(IReadOnlyList<double> equity, double start, double barsPerYear, IReadOnlyList<Engine.Paper.PaperTrade> trades)
    {
        if (equity.Count < 2)
        {
            return null;
        }

        double peak = start, maxDd = 0, sum = 0, sumSq = 0;
        var previous = start;
        foreach (var e in equity)
        {
            peak = Math.Max(peak, e);
            maxDd = Math.Max(maxDd, peak > 0 ? (peak - e) / peak : 0);
            var r = previous > 0 ? e / previous - 1 : 0;
            sum += r;
            sumSq += r * r;
            previous = e;
        }

        var n = equity.Count;
        var mean = sum / n;
        var sd = Math.Sqrt(Math.Max(0, sumSq / n - mean * mean));
        var sharpe = sd > 0 ? mean / sd * Math.Sqrt(barsPerYear) : 0;
        var wins = trades.Count(t => t.Pnl - t.Fees > 0);
        return new MetricsView(equity[^1] / start - 1, sharpe, maxDd, trades.Count, trades.Count == 0 ? 0 : (double)wins / trades.Count);
    }

    internal static OrderView Order(string strategyId, ManagedOrder o)
    {
        var avg = o.AverageFillPrice;
        double? slippage = avg is { } a && o.DecisionPrice != 0
            ? (double)((a - o.DecisionPrice) / o.DecisionPrice * 10_000m * (o.Order.Side == Sdk.Execution.OrderSide.Buy ? 1 : -1))
            : null;
        var updated = o.ClosedAt ?? o.LastFillAt ?? o.AcceptedAt ?? o.SubmittedAt ?? o.DecisionTime;
        return new OrderView(
            o.ClientOrderId, strategyId, o.Order.Symbol, Lower(o.Order.Side.ToString()), Lower(o.Order.Type.ToString()), (double)o.Order.Quantity,
            (double?)(o.Order.LimitPrice ?? o.DecisionPrice), JsonNamingPolicy.SnakeCaseLower.ConvertName(o.State.ToString()), (double)o.FilledQuantity,
            (double?)avg, slippage, o.DecisionTime, updated);
    }

    internal static List<EquityPoint> Downsample(IReadOnlyList<(DateTimeOffset T, double Equity)> curve)
    {
        var points = new List<EquityPoint>(Math.Min(curve.Count, MaxCurvePoints));
        if (curve.Count == 0)
        {
            return points;
        }

        var step = Math.Max(1, (int)Math.Ceiling(curve.Count / (double)(MaxCurvePoints - 1)));
        var peak = double.MinValue;
        for (var i = 0; i < curve.Count; i++)
        {
            peak = Math.Max(peak, curve[i].Equity);
            if (i % step == 0 || i == curve.Count - 1)
            {
                points.Add(new EquityPoint(curve[i].T, curve[i].Equity, peak > 0 ? (peak - curve[i].Equity) / peak * 100 : 0));
            }
        }

        return points;
    }

    private static string Lower(string? s) => s?.ToLowerInvariant() ?? string.Empty;
}
