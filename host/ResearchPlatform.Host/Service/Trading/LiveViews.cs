using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The API views of <c>rp serve --mode live</c>, in the same JSON shape as paper mode: orders from the live order
/// managers (every order their journals hold, earlier processes' too), fills from the journals, per-strategy status and
/// metrics and the portfolio from the books sampled after each traded candle (<see cref="LiveTrading.Curve"/>). While a
/// strategy does not trade (stopped, halted, a restart that is still halted) its orders and fills are its journal's.
/// </summary>
internal static class LiveViews
{
    public static IReadOnlyList<OrderView> Orders(LiveTrading live, int limit) =>
        TradingViews.Newest(live.Books.SelectMany(b => OrdersOf(b).Select(o => TradingViews.Order(b.Slot.Id, o))), limit);

    public static IReadOnlyList<FillView> Fills(LiveTrading live, int limit) =>
        [.. live.Books.SelectMany(b =>
            {
                var orders = OrdersOf(b).ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
                return FillsOf(b).Select(f => TradingViews.Fill(b.Slot.Id, f, orders.GetValueOrDefault(f.ClientOrderId)));
            })
            .OrderByDescending(f => f.T).ThenByDescending(f => f.ClientOrderId, StringComparer.Ordinal).Take(limit)];

    public static IReadOnlyList<StrategyView> Strategies(LiveTrading live, ServeSettings settings, IReadOnlyList<StrategySlot> slots)
    {
        var curve = live.Curve;
        var cash = (double)settings.CashPerStrategy;
        var barsPerYear = 365.0 * 86_400_000 / BarInterval.Parse(settings.Live!.Interval).Milliseconds;
        var books = live.Books.ToDictionary(b => b.Slot.Id, StringComparer.Ordinal);
        return [.. slots.Select(s =>
        {
            var genes = s.Strategy.Seed.Genes.Select((g, k) => (g.Name, s.Strategy.Genes[k])).ToDictionary(x => x.Name, x => x.Item2);
            var book = books.GetValueOrDefault(s.Id);
            var equity = curve.Select(p => (p.T, E: p.EquityOf(s.Id))).Where(p => p.E is not null).Select(p => (p.T, p.E!.Value)).ToList();
            var metrics = book is null || equity.Count == 0 ? null : TradingViews.Metrics([.. equity.Select(e => e.Item2)], cash, barsPerYear, Trades(book));
            var running = book?.Runner is not null && live.Trading && live.HaltReason is null;
            return new StrategyView(s.Id, s.Strategy.Seed.Id, s.PluginSource, genes, "live", running, null, null, metrics, TradingViews.Downsample(equity));
        })];
    }

    public static PortfolioView Portfolio(LiveTrading live, ServeSettings settings, int strategies, bool withCurve)
    {
        var curve = live.Curve;
        var initial = (double)settings.CashPerStrategy * Math.Max(1, strategies);
        if (curve.Count == 0)
        {
            return new PortfolioView(initial, initial, 0, 0, 0, 0, 0, null, 0, withCurve ? [] : null);
        }

        var last = curve[^1];
        var equity = last.Total;
        var realized = last.Realized.Sum();
        double peak = initial, maxDrawdown = 0, dayStart = curve[0].Total;
        foreach (var p in curve)
        {
            peak = Math.Max(peak, p.Total);
            maxDrawdown = Math.Max(maxDrawdown, peak > 0 ? (peak - p.Total) / peak * 100 : 0);
            dayStart = p.T.UtcDateTime.Date == last.T.UtcDateTime.Date ? dayStart : p.Total;
        }

        var drawdown = peak > 0 ? Math.Max(0, (peak - equity) / peak * 100) : 0;
        return new PortfolioView(
            equity, equity - last.Exposure.Sum(), realized, equity - initial - realized, equity - dayStart, drawdown, maxDrawdown, last.T, curve.Count,
            withCurve ? TradingViews.Downsample([.. curve.Select(p => (p.T, p.Total))]) : null);
    }

    /// <summary>A copy of the order manager's orders (List.CopyTo: safe while the live loop appends).</summary>
    private static ManagedOrder[] OrdersOf(LiveBook book) => book.Manager.Orders.ToArray();

    private static IEnumerable<JournalEntry> FillsOf(LiveBook book) => book.Journal.ReadAll().Where(e => e.Kind == JournalEntryKind.Filled);

    /// <summary>The round trips of the journaled fills (as the runner rebuilds them on a restart).</summary>
    private static IReadOnlyList<PaperTrade> Trades(LiveBook book)
    {
        var orders = OrdersOf(book).ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
        var tracker = new PaperTradeTracker(book.Slot.Id);
        foreach (var f in FillsOf(book))
        {
            if (orders.GetValueOrDefault(f.ClientOrderId) is { } o)
            {
                tracker.OnFill(o.Order.Side, f.FillQuantity ?? 0, f.FillPrice ?? 0, f.Fee ?? 0, -1, f.Timestamp);
            }
        }

        return tracker.Trades;
    }
}
