using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Sizing;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper.Live;

/// <summary>
/// One strategy trading a real venue adapter (LIVE_TESTNET): at every closed candle the seed's generator gives the
/// target from the candles so far, then the shared <see cref="PaperRebalancer"/> (sizer -> risk -> order manager) sends
/// orders through the adapter; venue events are applied to the order manager (journal first) as they arrive.
/// </summary>
internal sealed class LiveStrategyRunner
{
    private readonly PaperStrategy _strategy;
    private readonly string _symbol;
    private readonly PaperOptions _options;
    private readonly IOrderJournal _journal;
    private readonly SimulatedClock _riskClock;
    private readonly RiskManager? _risk;
    private readonly PaperRebalancer _rebalancer;
    private readonly PaperTradeTracker _tracker;
    private readonly PaperProtectiveOrders? _protection;
    private readonly List<double> _equity = [];
    private readonly List<(DateTimeOffset Open, decimal Quantity)> _positions = [];
    private double _lastTarget;
    private int _bar;

    public LiveStrategyRunner(PaperStrategy strategy, string symbol, PaperOptions options, IExchangeAdapter venue, IOrderJournal journal, string clientPrefix, decimal lotSize, DateTimeOffset start, Action<string>? log)
    {
        _strategy = strategy;
        _symbol = symbol;
        _options = options;
        _journal = journal;
        ClientPrefix = clientPrefix;
        _riskClock = new SimulatedClock(start);
        var gate = new PaperRiskGate();
        Manager = new OrderManager(venue, journal, new OrderManagerOptions { ClientIdPrefix = clientPrefix }, TimeProvider.System, gate, log);
        PositionSizer? sizer = null;
        if (options.Risk is { } genome)
        {
            _risk = new RiskManager(genome, _riskClock);
            sizer = new PositionSizer(genome);
            _protection = options.VenueStops ? new PaperProtectiveOrders(Manager, symbol, (decimal)genome.StopLossPct, (decimal)genome.TakeProfitPct, options.TrailFraction) : null;
        }

        _rebalancer = new PaperRebalancer(Manager, gate, _risk, sizer, options, lotSize);
        _tracker = new PaperTradeTracker(strategy.Name);
    }

    public PaperStrategy Strategy => _strategy;

    public OrderManager Manager { get; }

    public string ClientPrefix { get; }

    public IReadOnlyList<double> Equity => _equity;

    /// <summary>Client order ids in the journal (before the manager starts: for adapters that map ids).</summary>
    public IEnumerable<string> JournaledClientIds() => _journal.ReadAll().Select(e => e.ClientOrderId).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Replays the journal and reconciles open orders with the venue (order manager), then rebuilds the trades from
    /// the journaled fills and takes the position's direction as the last target (a resumed session continues from it).
    /// </summary>
    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        await Manager.StartAsync(cancellationToken);
        foreach (var e in _journal.ReadAll().Where(e => e.Kind == JournalEntryKind.Filled))
        {
            if (Manager.Find(e.ClientOrderId) is { } o)
            {
                _tracker.OnFill(o.Order.Side, e.FillQuantity ?? 0, e.FillPrice ?? 0, e.Fee ?? 0, -1, e.Timestamp);
            }
        }

        _lastTarget = Math.Sign(Manager.Positions.QuantityOf(_symbol));
        _protection?.Adopt();
    }

    /// <summary>Applies one venue event (journaled first) and feeds fills to the trade tracker and the risk manager.</summary>
    public void Apply(ExecutionEvent e)
    {
        var outcome = Manager.Apply(e);
        if (e is OrderFilled f && outcome is EntryOutcome.Apply or EntryOutcome.LateFill)
        {
            var closed = _tracker.OnFill(f.Side, f.Quantity, f.Price, f.Fee, _bar, f.Timestamp);
            _risk?.OnFill();
            if (closed is not null)
            {
                _risk?.OnTradeClosed((double)closed.Pnl, _equity.Count > 0 ? _equity[^1] : (double)_options.InitialCash);
            }
        }
    }

    /// <summary>A candle closed: <paramref name="bars"/> holds the history and every live candle up to it (the last bar).</summary>
    public async ValueTask OnBarAsync(BarSeries bars, bool last, CancellationToken cancellationToken)
    {
        var n = bars.Count;
        var closeTime = bars.TimeAt(n - 1) + bars.Interval.Duration;
        if (closeTime > _riskClock.GetUtcNow())
        {
            _riskClock.AdvanceTo(closeTime);
        }

        var targets = new double[n];
        _strategy.Seed.CreateGenerator(bars, _strategy.Genes.ToArray(), 1).Fill(0, n, targets);
        var target = double.IsFinite(targets[n - 1]) ? Math.Clamp(targets[n - 1], -1, 1) : 0;
        var close = bars.Close[n - 1];
        var equity = EquityAt((decimal)close);
        _equity.Add(equity);
        _bar++;
        _positions.Add((bars.TimeAt(n - 1), Manager.Positions.QuantityOf(_symbol)));
        var quantity = (double)Manager.Positions.QuantityOf(_symbol);
        _risk?.OnBar(new PortfolioSnapshot(equity, quantity == 0 ? [] : [new PositionSnapshot(_symbol, quantity, close)]), MarketState.Unknown);
        if (target != _lastTarget && !last)
        {
            // Decision time on the order manager's clock (the venue's candle times need not be wall-clock times).
            await _rebalancer.RebalanceAsync(_symbol, target, (decimal)close, equity, TimeProvider.System.GetUtcNow(), CancelWorkingAsync, cancellationToken);
        }
        else if (!last && _protection is not null)
        {
            // once every fill of the last decision has arrived (no entry order still working, so the stop covers the
            // whole position): stop-loss / take-profit trigger orders for that position; then the trailing stop follows
            // this candle's best price (a modify of the resting stop at the venue)
            if (!Manager.Orders.Any(o => !o.IsTerminal && o.Order.Type is OrderType.Market or OrderType.Limit))
            {
                await _protection.SyncAsync(TimeProvider.System.GetUtcNow(), cancellationToken);
            }

            await _protection.TrailAsync((decimal)bars.High[n - 1], (decimal)bars.Low[n - 1], cancellationToken);
        }

        _lastTarget = target;
    }

    /// <summary>The position at the newest bar (venue candle time) opened before <paramref name="time"/> (0 before the first).</summary>
    public decimal QuantityBefore(DateTimeOffset time) => _positions.LastOrDefault(p => p.Open < time).Quantity;

    /// <summary>End of the session: cancels working orders and closes the position with a reduce-only market order.</summary>
    public async ValueTask CloseAsync(decimal price, CancellationToken cancellationToken)
    {
        await CancelWorkingAsync(cancellationToken);
        var position = Manager.Positions.QuantityOf(_symbol);
        if (_options.CloseAtEnd && position != 0)
        {
            await Manager.SubmitAsync(new OrderRequest(_symbol, position > 0 ? OrderSide.Sell : OrderSide.Buy, OrderType.Market, Math.Abs(position), price, TimeProvider.System.GetUtcNow(), ReduceOnly: true), cancellationToken);
        }
    }

    /// <summary>Every order ended, protective stops / take-profits that never triggered aside (they rest until the close cancels them).</summary>
    public bool AllTerminal => Manager.Orders.All(o => o.IsTerminal || PaperProtectiveOrders.IsUntriggered(o));

    public PaperStrategyResult Result(decimal mark, double barsPerYear, PaperReconciliation reconciliation)
    {
        var snapshot = Manager.Positions.Snapshot(_symbol, mark);
        var equity = _equity.Count > 0 ? [.. _equity] : new[] { (double)_options.InitialCash };
        equity[^1] = (double)(_options.InitialCash + snapshot.NetPnl);
        var trades = _tracker.Trades;
        var performance = PaperPerformanceCalculator.Compute(Manager, trades, equity, _options.InitialCash, barsPerYear);
        return new PaperStrategyResult(_strategy, performance, [.. trades], [.. Manager.Orders], equity, _options.InitialCash + snapshot.NetPnl)
        {
            Reconciliation = reconciliation,
            Funding = snapshot.Funding,
        };
    }

    private double EquityAt(decimal mark) => (double)(_options.InitialCash + Manager.Positions.Snapshot(_symbol, mark).NetPnl);

    private async ValueTask CancelWorkingAsync(CancellationToken cancellationToken)
    {
        foreach (var o in Manager.Orders.Where(o => !o.IsTerminal).ToList())
        {
            await Manager.CancelAsync(o.ClientOrderId, cancellationToken);
        }
    }
}
