using System.Globalization;
using ResearchPlatform.Sdk.Execution;

namespace __NAME__;

/// <summary>
/// The venue's state behind one lock: instruments with their last price, orders by client id, resting limit orders,
/// positions (signed quantity, average entry), cash in USD (realized PnL minus fees), fills and trade prints.
/// </summary>
internal sealed class __NAME__Book(TimeProvider time, decimal startingCash)
{
    private const decimal TakerFee = 0.00045m;
    private const decimal MakerFee = 0.00015m;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (InstrumentSpec Spec, decimal Last)> _instruments = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BTC"] = (new InstrumentSpec("BTC", TickSize: 0.1m, LotSize: 0.0001m, MinQuantity: 0.0001m, MaxQuantity: 1_000m, MinNotional: 10m), 50_000m),
        ["ETH"] = (new InstrumentSpec("ETH", TickSize: 0.01m, LotSize: 0.001m, MinQuantity: 0.001m, MaxQuantity: 10_000m, MinNotional: 10m), 2_500m),
    };

    private readonly Dictionary<string, VenueOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Quantity, decimal Entry)> _positions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly List<OrderFilled> _fills = [];
    private readonly List<TradePrinted> _trades = [];
    private decimal _cash = startingCash;
    private long _sequence;

    public Subscribers<ExecutionEvent> ExecutionSubscribers { get; } = new();

    public Subscribers<MarketDataEvent> MarketDataSubscribers { get; } = new();

    public IReadOnlyList<InstrumentSpec> Instruments()
    {
        lock (_gate)
        {
            return [.. _instruments.Values.Select(i => i.Spec)];
        }
    }

    public IReadOnlyList<Balance> Balances()
    {
        lock (_gate)
        {
            return [new Balance("USD", _cash, _cash)];
        }
    }

    public IReadOnlyList<VenuePosition> Positions()
    {
        lock (_gate)
        {
            return [.. _positions.Where(p => p.Value.Quantity != 0).Select(p => new VenuePosition(p.Key, p.Value.Quantity, p.Value.Entry))];
        }
    }

    public IReadOnlyList<VenueOrder> OpenOrders(string? symbol)
    {
        lock (_gate)
        {
            return [.. _orders.Values.Where(o => IsWorking(o) && (symbol is null || string.Equals(o.Symbol, symbol, StringComparison.OrdinalIgnoreCase)))];
        }
    }

    public VenueOrder? Find(string clientOrderId)
    {
        lock (_gate)
        {
            return _orders.GetValueOrDefault(clientOrderId);
        }
    }

    public IReadOnlyList<OrderFilled> Fills(DateTimeOffset since)
    {
        lock (_gate)
        {
            return [.. _fills.Where(f => f.Timestamp >= since)];
        }
    }

    public OrderAck Place(SubmitOrder order)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var problem = Check(order);
            if (problem is not null)
            {
                return new OrderAck(order.ClientOrderId, null, false, problem, now);
            }

            var exchangeId = "__ID__-" + (++_sequence).ToString(CultureInfo.InvariantCulture);
            var working = new VenueOrder(order.ClientOrderId, exchangeId, _instruments[order.Symbol].Spec.Symbol, order.Side, order.Type, order.Quantity, 0m, null,
                order.LimitPrice, order.TriggerPrice, order.TimeInForce, order.ReduceOnly, VenueOrderStatus.Open, now);
            _orders[order.ClientOrderId] = working;
            if (order.ExpireAt is { } expiry)
            {
                _expiries[order.ClientOrderId] = expiry;
            }

            ExecutionSubscribers.Publish(new OrderAccepted(order.ClientOrderId, exchangeId, now));
            var last = _instruments[order.Symbol].Last;
            if (order.Type == OrderType.Market || Crosses(working, last))
            {
                Fill(working, last, Liquidity.Taker);
            }
            else if (order.TimeInForce == TimeInForce.Ioc)
            {
                Close(working, VenueOrderStatus.Canceled, "IOC limit did not cross");
            }

            return new OrderAck(order.ClientOrderId, exchangeId, true, null, now);
        }
    }

    public void Cancel(CancelOrder cancel)
    {
        lock (_gate)
        {
            var order = Locate(cancel.ClientOrderId, cancel.ExchangeOrderId);
            if (IsWorking(order))
            {
                Close(order, VenueOrderStatus.Canceled, "canceled by request");
            }
        }
    }

    public void Modify(ModifyOrder modify)
    {
        lock (_gate)
        {
            var order = Locate(modify.ClientOrderId, modify.ExchangeOrderId);
            if (!IsWorking(order))
            {
                throw new ExchangeException(ExchangeErrorKind.Rejected, $"order {order.ClientOrderId} is {order.Status}: nothing to modify");
            }

            var changed = order with { Quantity = modify.Quantity ?? order.Quantity, LimitPrice = modify.LimitPrice ?? order.LimitPrice, UpdatedAt = time.GetUtcNow() };
            if (changed.Quantity <= changed.FilledQuantity || !OnGrid(changed.Quantity, _instruments[order.Symbol].Spec.LotSize)
                || (changed.LimitPrice is { } p && !OnGrid(p, _instruments[order.Symbol].Spec.TickSize)))
            {
                throw new ExchangeException(ExchangeErrorKind.Rejected, $"order {order.ClientOrderId}: quantity or price off the instrument's grid");
            }

            _orders[order.ClientOrderId] = changed;
            ExecutionSubscribers.Publish(new OrderModified(changed.ClientOrderId, changed.ExchangeOrderId, changed.UpdatedAt, changed.Quantity, changed.LimitPrice, changed.TriggerPrice));
            var last = _instruments[order.Symbol].Last;
            if (Crosses(changed, last))
            {
                Fill(changed, last, Liquidity.Taker);
            }
        }
    }

    public void Trade(string symbol, decimal price, decimal quantity, OrderSide aggressor)
    {
        lock (_gate)
        {
            if (!_instruments.TryGetValue(symbol, out var instrument) || price <= 0 || quantity <= 0)
            {
                throw new ArgumentException($"trade {symbol} {quantity} @ {price}: unknown symbol or non-positive price/quantity");
            }

            var now = time.GetUtcNow();
            _instruments[symbol] = (instrument.Spec, price);
            var print = new TradePrinted(instrument.Spec.Symbol, now, price, quantity, aggressor);
            _trades.Add(print);
            MarketDataSubscribers.Publish(print);
            foreach (var order in _orders.Values.Where(o => IsWorking(o) && o.Symbol == instrument.Spec.Symbol).ToList())
            {
                if (_expiries.TryGetValue(order.ClientOrderId, out var expiry) && expiry <= now)
                {
                    _orders[order.ClientOrderId] = order with { Status = VenueOrderStatus.Expired, UpdatedAt = now };
                    ExecutionSubscribers.Publish(new OrderExpired(order.ClientOrderId, order.ExchangeOrderId, now));
                }
                else if (Crosses(order, price))
                {
                    Fill(order, order.LimitPrice!.Value, Liquidity.Maker);
                }
            }
        }
    }

    public IReadOnlyList<Candle> Candles(string symbol, TimeSpan interval, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            return [.. _trades.Where(t => string.Equals(t.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
                .GroupBy(t => new DateTimeOffset(t.Timestamp.UtcTicks - (t.Timestamp.UtcTicks % interval.Ticks), TimeSpan.Zero))
                .Where(g => g.Key >= from && g.Key < to)
                .OrderBy(g => g.Key)
                .Select(g => new Candle(symbol, g.Key, g.First().Price, g.Max(t => t.Price), g.Min(t => t.Price), g.Last().Price, g.Sum(t => t.Quantity)))];
        }
    }

    private string? Check(SubmitOrder order)
    {
        if (_orders.ContainsKey(order.ClientOrderId))
        {
            return $"duplicate client order id '{order.ClientOrderId}'";
        }

        if (!_instruments.TryGetValue(order.Symbol, out var instrument))
        {
            return $"unknown symbol '{order.Symbol}' (known: {string.Join(", ", _instruments.Keys)})";
        }

        var spec = instrument.Spec;
        if (order.Type is OrderType.Stop or OrderType.TakeProfit)
        {
            return $"{order.Type} orders are not offered by this venue";
        }

        if (order.Quantity < spec.MinQuantity || order.Quantity > spec.MaxQuantity || !OnGrid(order.Quantity, spec.LotSize))
        {
            return string.Create(CultureInfo.InvariantCulture, $"quantity {order.Quantity} must be a multiple of {spec.LotSize} in [{spec.MinQuantity}, {spec.MaxQuantity}]");
        }

        if (order.Type == OrderType.Limit && (order.LimitPrice is not { } limit || limit <= 0 || !OnGrid(limit, spec.TickSize)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"a limit order needs a positive limit price that is a multiple of {spec.TickSize}");
        }

        var price = order.LimitPrice ?? instrument.Last;
        if (order.Quantity * price < spec.MinNotional)
        {
            return string.Create(CultureInfo.InvariantCulture, $"notional {order.Quantity * price} is below the minimum {spec.MinNotional}");
        }

        if (order.Type == OrderType.Limit && order.TimeInForce == TimeInForce.Alo && Crosses(order.Side, order.LimitPrice!.Value, instrument.Last))
        {
            return "post-only (ALO) order would cross the last price";
        }

        var held = _positions.GetValueOrDefault(spec.Symbol).Quantity;
        var delta = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
        return order.ReduceOnly && (held == 0 || Math.Sign(held) == Math.Sign(delta) || Math.Abs(delta) > Math.Abs(held))
            ? "reduce-only order would increase the position"
            : null;
    }

    private void Fill(VenueOrder order, decimal price, Liquidity liquidity)
    {
        var now = time.GetUtcNow();
        var quantity = order.Quantity - order.FilledQuantity;
        var fee = Math.Round(price * quantity * (liquidity == Liquidity.Maker ? MakerFee : TakerFee), 8);
        var (held, entry) = _positions.GetValueOrDefault(order.Symbol);
        var delta = order.Side == OrderSide.Buy ? quantity : -quantity;
        var realized = 0m;
        if (held != 0 && Math.Sign(held) != Math.Sign(delta))
        {
            var closed = Math.Min(Math.Abs(held), Math.Abs(delta));
            realized = (price - entry) * closed * Math.Sign(held);
        }

        var after = held + delta;
        var newEntry = after == 0 ? 0m
            : held == 0 || Math.Sign(after) != Math.Sign(held) ? price
            : Math.Sign(held) == Math.Sign(delta) ? ((held * entry) + (delta * price)) / after
            : entry;
        _positions[order.Symbol] = (after, newEntry);
        _cash += realized - fee;
        var filled = order with { FilledQuantity = order.Quantity, AverageFillPrice = price, Status = VenueOrderStatus.Filled, UpdatedAt = now };
        _orders[order.ClientOrderId] = filled;
        var fill = new OrderFilled(order.ClientOrderId, order.ExchangeOrderId, now, order.ExchangeOrderId + "-f", order.Symbol, order.Side, price, quantity, fee, liquidity);
        _fills.Add(fill);
        ExecutionSubscribers.Publish(fill);
    }

    private void Close(VenueOrder order, VenueOrderStatus status, string reason)
    {
        var now = time.GetUtcNow();
        _orders[order.ClientOrderId] = order with { Status = status, UpdatedAt = now };
        ExecutionSubscribers.Publish(new OrderCanceled(order.ClientOrderId, order.ExchangeOrderId, now, reason));
    }

    private VenueOrder Locate(string? clientOrderId, string? exchangeOrderId)
    {
        var order = clientOrderId is not null ? _orders.GetValueOrDefault(clientOrderId)
            : _orders.Values.FirstOrDefault(o => o.ExchangeOrderId == exchangeOrderId);
        return order ?? throw new ExchangeException(ExchangeErrorKind.NotFound, $"no order '{clientOrderId ?? exchangeOrderId}'");
    }

    private static bool IsWorking(VenueOrder o) => o.Status is VenueOrderStatus.Open or VenueOrderStatus.PartiallyFilled;

    private static bool Crosses(VenueOrder o, decimal last) => o.Type == OrderType.Limit && Crosses(o.Side, o.LimitPrice!.Value, last);

    private static bool Crosses(OrderSide side, decimal limit, decimal last) => side == OrderSide.Buy ? limit >= last : limit <= last;

    private static bool OnGrid(decimal value, decimal step) => value % step == 0;
}
