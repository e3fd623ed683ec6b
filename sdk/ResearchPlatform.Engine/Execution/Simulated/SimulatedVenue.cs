using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ResearchPlatform.Engine.Execution.Positions;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>
/// An in-process venue over bars implementing <see cref="IExchangeAdapter"/>: orders are accepted between bars and
/// matched by <see cref="BarMatcher"/> when <see cref="ProcessCandle"/> delivers the next bar. Deduplicates client
/// order ids, charges maker/taker fees, keeps positions and cash, and injects faults per <see cref="VenueFaultOptions"/>.
/// Thread-safe (one lock); deterministic for the same seeds and call sequence.
/// </summary>
internal sealed partial class SimulatedVenue : IExchangeAdapter
{
    private readonly SimulatedVenueOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, InstrumentSpec> _instruments;
    private readonly Dictionary<string, SimulatedOrder> _byClientId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedOrder> _byExchangeId = new(StringComparer.Ordinal);
    private readonly List<SimulatedOrder> _working = [];
    private readonly List<OrderFilled> _fills = [];
    private readonly VenueFunding _funding;
    private readonly Dictionary<string, List<Candle>> _history = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _placements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _capacity = new(StringComparer.Ordinal);
    private readonly PositionBook _positions = new();
    private readonly VenueFaultInjector _faults;
    private readonly Random _latency;
    private readonly Lock _gate = new();
    private readonly Channel<MarketDataEvent> _marketData = Channel.CreateUnbounded<MarketDataEvent>();
    private bool _marketDataSubscribed;
    private long _nextExchangeId, _nextFillId;

    public SimulatedVenue(SimulatedVenueOptions options, TimeProvider time)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid simulated venue options: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _time = time;
        _instruments = options.Instruments.ToDictionary(i => i.Symbol, StringComparer.Ordinal);
        _faults = new VenueFaultInjector(options.Faults);
        _latency = new Random(options.Seed);
        _funding = new VenueFunding(options);
    }

    public string VenueId => "simulated";

    /// <summary>Outage switch: while true every request fails with a timeout before it reaches the venue (nothing is applied, no fault is drawn).</summary>
    public bool Unreachable { get; set; }

    /// <summary>A health probe with no side effect (no latency drawn, no fault drawn): fails only while <see cref="Unreachable"/>.</summary>
    public ValueTask PingAsync(CancellationToken cancellationToken) => Unreachable
        ? ValueTask.FromException(new ExchangeException(ExchangeErrorKind.Timeout, "ping: venue unreachable (simulated outage)"))
        : ValueTask.CompletedTask;

    /// <summary>How many place requests reached the matching engine per client order id (1 each when nothing was sent twice).</summary>
    public IReadOnlyDictionary<string, int> Placements
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_placements, StringComparer.Ordinal);
            }
        }
    }

    public VenueFaultCounts Faults
    {
        get
        {
            lock (_gate)
            {
                return _faults.Counts;
            }
        }
    }

    /// <summary>The venue's view of an order without going through the faulty request path (inspection, tests).</summary>
    public VenueOrder? Peek(string clientOrderId)
    {
        lock (_gate)
        {
            return _byClientId.TryGetValue(clientOrderId, out var o) ? o.Snapshot() : null;
        }
    }

    /// <summary>Signed position per symbol on the venue's books.</summary>
    public decimal PositionOf(string symbol)
    {
        lock (_gate)
        {
            return _positions.QuantityOf(symbol);
        }
    }

    /// <summary>The venue's books for one symbol (quantity, entry, realized PnL, fees, funding) marked at <paramref name="mark"/>, outside the request path.</summary>
    public PositionSnapshot PeekPosition(string symbol, decimal mark)
    {
        lock (_gate)
        {
            return _positions.Snapshot(symbol, mark);
        }
    }

    /// <summary>Funding payments not taken yet (each once), oldest first; the paper runner books them on its side.</summary>
    public IReadOnlyList<FundingPayment> TakeFundingPayments()
    {
        lock (_gate)
        {
            return _funding.Take();
        }
    }

    /// <summary>Reads one pending execution event without waiting (for single-threaded simulations and tests).</summary>
    public bool TryReadEvent(out ExecutionEvent? e)
    {
        if (_faults.Events.TryRead(out e))
        {
            return true;
        }

        lock (_gate)
        {
            _faults.ReleaseHeld();
        }

        return _faults.Events.TryRead(out e);
    }

    /// <summary>Delivers the next bar: matches working orders on its symbol, then publishes the candle.</summary>
    public void ProcessCandle(Candle bar)
    {
        lock (_gate)
        {
            if (!_instruments.TryGetValue(bar.Symbol, out var spec))
            {
                throw new ArgumentException($"candle for unknown symbol '{bar.Symbol}'", nameof(bar));
            }

            if (!_history.TryGetValue(bar.Symbol, out var history))
            {
                _history[bar.Symbol] = history = [];
            }

            if (history.Count > 0)
            {
                _funding.Accrue(history[^1], bar.OpenTime, _positions);
            }

            ExpireDue(bar.OpenTime);
            history.Add(bar);
            _capacity[bar.Symbol] = MatchWorking(bar, bar.Volume * _options.ParticipationCap, spec, _ => true);
            if (_marketDataSubscribed)
            {
                _marketData.Writer.TryWrite(new CandleClosed(bar, _time.GetUtcNow()));
            }
        }
    }

    /// <summary>
    /// Matches stop / take-profit orders placed since the last candle against that candle's remaining range and capacity
    /// (the backtest kernel's rule: a position opened at a bar's open can be stopped out by the same bar).
    /// </summary>
    public void MatchNewTriggers(string symbol)
    {
        lock (_gate)
        {
            if (_history.TryGetValue(symbol, out var history) && history.Count > 0)
            {
                _capacity[symbol] = MatchWorking(history[^1], _capacity.GetValueOrDefault(symbol), _instruments[symbol], o => o.Fresh && o.Order.Type is OrderType.Stop or OrderType.TakeProfit);
            }
        }
    }

    public ValueTask<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        Query("instruments", () => _options.Instruments);

    public ValueTask<IReadOnlyList<Balance>> GetBalancesAsync(CancellationToken cancellationToken) => Query("balances", () =>
    {
        var all = _positions.All();
        var cash = _options.StartingCash + all.Sum(p => p.RealizedPnl - p.Fees + p.Funding);
        var lastPrices = _history.ToDictionary(h => h.Key, h => h.Value[^1].Close, StringComparer.Ordinal);
        var unrealized = all.Sum(p => _positions.Snapshot(p.Symbol, lastPrices.GetValueOrDefault(p.Symbol, p.MarkPrice)).UnrealizedPnl);
        return (IReadOnlyList<Balance>)[new Balance(_options.QuoteAsset, cash + unrealized, cash)];
    });

    public ValueTask<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) => Query("positions", () =>
        (IReadOnlyList<VenuePosition>)[.. _positions.All().Where(p => p.Quantity != 0).Select(p => new VenuePosition(p.Symbol, p.Quantity, p.AverageEntryPrice))]);

    public ValueTask<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken) => Query("open orders", () =>
        (IReadOnlyList<VenueOrder>)[.. _working.Where(o => o.IsWorking && (symbol is null || o.Order.Symbol == symbol)).Select(o => o.Snapshot())]);

    public ValueTask<VenueOrder?> GetOrderByClientIdAsync(string symbol, string clientOrderId, CancellationToken cancellationToken) =>
        Query("order status", () => _byClientId.TryGetValue(clientOrderId, out var o) ? o.Snapshot() : null);

    public ValueTask<IReadOnlyList<OrderFilled>> GetFillsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Query("fills", () => (IReadOnlyList<OrderFilled>)[.. _fills.Where(f => f.Timestamp >= since)]);

    public ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(string symbol, BarInterval interval, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Query("candles", () => (IReadOnlyList<Candle>)[.. _history.GetValueOrDefault(symbol, []).Where(c => c.OpenTime >= from && c.OpenTime < to)]);

    public ValueTask<OrderAck> PlaceOrderAsync(SubmitOrder order, CancellationToken cancellationToken) =>
        Command("place " + order.ClientOrderId, () => Place(order));

    public ValueTask CancelOrderAsync(CancelOrder cancel, CancellationToken cancellationToken) =>
        new(Command("cancel " + (cancel.ClientOrderId ?? cancel.ExchangeOrderId), () => Cancel(cancel)).AsTask());

    public ValueTask ModifyOrderAsync(ModifyOrder modify, CancellationToken cancellationToken) =>
        new(Command("modify " + (modify.ClientOrderId ?? modify.ExchangeOrderId), () => Modify(modify)).AsTask());

    public IAsyncEnumerable<ExecutionEvent> StreamExecutionEventsAsync(CancellationToken cancellationToken) =>
        _faults.Events.ReadAllAsync(cancellationToken);

    public async IAsyncEnumerable<MarketDataEvent> StreamMarketDataAsync(IReadOnlyList<string> symbols, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _marketDataSubscribed = true;
        }

        await foreach (var e in _marketData.Reader.ReadAllAsync(cancellationToken))
        {
            if (symbols.Contains(e.Symbol))
            {
                yield return e;
            }
        }
    }

    private OrderAck Place(SubmitOrder order)
    {
        var now = _time.GetUtcNow();
        _placements[order.ClientOrderId] = _placements.GetValueOrDefault(order.ClientOrderId) + 1;
        if (_byClientId.ContainsKey(order.ClientOrderId))
        {
            return new OrderAck(order.ClientOrderId, null, false, "duplicate client order id", now);
        }

        var o = new SimulatedOrder(order, "X-" + (++_nextExchangeId).ToString("D8", CultureInfo.InvariantCulture), now);
        _byClientId.Add(order.ClientOrderId, o);
        _byExchangeId.Add(o.ExchangeOrderId, o);
        var reason = CheckPlacement(order);
        if (reason is not null)
        {
            o.Status = VenueOrderStatus.Rejected;
            _faults.Publish(new OrderRejected(order.ClientOrderId, o.ExchangeOrderId, now, reason));
            return new OrderAck(order.ClientOrderId, o.ExchangeOrderId, false, reason, now);
        }

        _working.Add(o);
        _faults.Publish(new OrderAccepted(order.ClientOrderId, o.ExchangeOrderId, now));
        return new OrderAck(order.ClientOrderId, o.ExchangeOrderId, true, null, now);
    }

    private string? CheckPlacement(SubmitOrder order) =>
        PlacementRules.Check(order, _time.GetUtcNow(), _instruments, _history.TryGetValue(order.Symbol, out var h) ? h[^1].Close : null);

    private bool Cancel(CancelOrder cancel)
    {
        var o = Find(cancel.ClientOrderId, cancel.ExchangeOrderId);
        if (!o.IsWorking)
        {
            throw new ExchangeException(ExchangeErrorKind.Rejected, $"order {o.Order.ClientOrderId} is already {o.Status}");
        }

        o.Status = VenueOrderStatus.Canceled;
        o.UpdatedAt = _time.GetUtcNow();
        _working.Remove(o);
        _faults.Publish(new OrderCanceled(o.Order.ClientOrderId, o.ExchangeOrderId, o.UpdatedAt, "canceled on request"));
        return true;
    }

    private bool Modify(ModifyOrder modify)
    {
        var o = Find(modify.ClientOrderId, modify.ExchangeOrderId);
        if (!o.IsWorking)
        {
            throw new ExchangeException(ExchangeErrorKind.Rejected, $"order {o.Order.ClientOrderId} is already {o.Status}");
        }

        var changed = o.Order with
        {
            Quantity = modify.Quantity ?? o.Order.Quantity,
            LimitPrice = modify.LimitPrice ?? o.Order.LimitPrice,
            TriggerPrice = modify.TriggerPrice ?? o.Order.TriggerPrice,
        };
        var reason = changed.Quantity <= o.Filled ? "quantity at or below the filled quantity" : CheckPlacement(changed);
        if (reason is not null)
        {
            throw new ExchangeException(ExchangeErrorKind.Rejected, $"modify {o.Order.ClientOrderId}: {reason}");
        }

        o.Order = changed;
        o.UpdatedAt = _time.GetUtcNow();
        _faults.Publish(new OrderModified(changed.ClientOrderId, o.ExchangeOrderId, o.UpdatedAt, changed.Quantity, changed.LimitPrice, changed.TriggerPrice));
        return true;
    }

    private SimulatedOrder Find(string? clientOrderId, string? exchangeOrderId)
    {
        var found = clientOrderId is not null ? _byClientId.GetValueOrDefault(clientOrderId)
            : exchangeOrderId is not null ? _byExchangeId.GetValueOrDefault(exchangeOrderId) : null;
        return found ?? throw new ExchangeException(ExchangeErrorKind.NotFound, $"order {clientOrderId ?? exchangeOrderId ?? "(no id)"} not found");
    }

    private decimal MatchWorking(Candle bar, decimal capacity, InstrumentSpec spec, Func<SimulatedOrder, bool> which)
    {
        foreach (var o in _working.Where(o => o.Order.Symbol == bar.Symbol && which(o)).ToList())
        {
            capacity -= MatchOne(o, bar, capacity, spec);
            o.Fresh = false;
        }

        _working.RemoveAll(o => !o.IsWorking);
        return capacity;
    }

    private decimal MatchOne(SimulatedOrder o, Candle bar, decimal capacity, InstrumentSpec spec)
    {
        var m = BarMatcher.Match(o, bar, Math.Max(0, capacity), spec, _options);
        o.Triggered |= m.TriggeredNow;
        var quantity = m.Quantity;
        var now = _time.GetUtcNow();
        string? cancel = m.CancelReason;
        if (quantity > 0 && o.Order.ReduceOnly)
        {
            var position = _positions.QuantityOf(o.Order.Symbol);
            var reduces = o.Order.Side == OrderSide.Buy ? position < 0 : position > 0;
            quantity = reduces ? Math.Min(quantity, Math.Abs(position)) : 0;
            cancel ??= quantity == 0 ? "reduce-only: no position to reduce" : null;
        }

        if (quantity > 0)
        {
            var rate = m.Liquidity == Liquidity.Maker ? _options.MakerFeeRate : _options.TakerFeeRate;
            var fee = decimal.Round(quantity * m.Price * rate, 8, MidpointRounding.AwayFromZero);
            _positions.ApplyFill(o.Order.Symbol, o.Order.Side, quantity, m.Price, fee);
            o.Filled += quantity;
            o.FilledNotional += quantity * m.Price;
            o.Status = o.Remaining <= 0 ? VenueOrderStatus.Filled : VenueOrderStatus.PartiallyFilled;
            o.UpdatedAt = now;
            var fillId = "F-" + (++_nextFillId).ToString("D8", CultureInfo.InvariantCulture);
            var fill = new OrderFilled(o.Order.ClientOrderId, o.ExchangeOrderId, now, fillId, o.Order.Symbol, o.Order.Side, m.Price, quantity, fee, m.Liquidity);
            _fills.Add(fill);
            _faults.Publish(fill);
        }

        if (cancel is not null && o.IsWorking)
        {
            o.Status = VenueOrderStatus.Canceled;
            o.UpdatedAt = now;
            _faults.Publish(new OrderCanceled(o.Order.ClientOrderId, o.ExchangeOrderId, now, cancel));
        }

        return quantity;
    }

    /// <summary>GTD: working orders whose expiry is at or before <paramref name="now"/> (venue clock) end Expired.</summary>
    private void ExpireDue(DateTimeOffset now)
    {
        foreach (var o in _working.Where(o => o.IsWorking && o.Order.ExpireAt is { } at && at <= now).ToList())
        {
            o.Status = VenueOrderStatus.Expired;
            o.UpdatedAt = now;
            _working.Remove(o);
            _faults.Publish(new OrderExpired(o.Order.ClientOrderId, o.ExchangeOrderId, now));
        }
    }
}
