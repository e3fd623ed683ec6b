using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace __NAME__;

/// <summary>
/// Exchange adapter '__ID__' over an in-memory order book: a working venue to start from. Market orders and crossing
/// limit orders fill at the last trade price (taker), resting limit orders fill when <see cref="PublishTrade"/> moves
/// the price through them (maker); positions, cash, fees, fills, candles and both event streams are kept in memory.
/// To adapt a real exchange, keep the public surface and replace the <see cref="__NAME__Book"/> calls with its REST and
/// WebSocket API (round prices and sizes to its rules, map its errors to <see cref="ExchangeException"/>).
/// The host creates one instance per load; it is thread-safe.
/// </summary>
public sealed class __NAME__ExchangeAdapter : IExchangeAdapter
{
    private readonly __NAME__Book _book;

    public __NAME__ExchangeAdapter()
        : this(TimeProvider.System)
    {
    }

    public __NAME__ExchangeAdapter(TimeProvider time) => _book = new __NAME__Book(time, startingCash: 100_000m);

    public string VenueId => "__ID__";

    /// <summary>Feeds a market trade: moves the last price, fills resting limits it crosses, expires due orders.</summary>
    public void PublishTrade(string symbol, decimal price, decimal quantity, OrderSide aggressor) =>
        _book.Trade(symbol, price, quantity, aggressor);

    public ValueTask<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_book.Instruments());

    public ValueTask<IReadOnlyList<Balance>> GetBalancesAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_book.Balances());

    public ValueTask<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_book.Positions());

    public ValueTask<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_book.OpenOrders(symbol));

    public ValueTask<OrderAck> PlaceOrderAsync(SubmitOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_book.Place(order));
    }

    public ValueTask CancelOrderAsync(CancelOrder cancel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        cancellationToken.ThrowIfCancellationRequested();
        _book.Cancel(cancel);
        return ValueTask.CompletedTask;
    }

    public ValueTask ModifyOrderAsync(ModifyOrder modify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modify);
        cancellationToken.ThrowIfCancellationRequested();
        _book.Modify(modify);
        return ValueTask.CompletedTask;
    }

    public ValueTask<VenueOrder?> GetOrderByClientIdAsync(string symbol, string clientOrderId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_book.Find(clientOrderId));

    public ValueTask<IReadOnlyList<OrderFilled>> GetFillsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_book.Fills(since));

    public ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(string symbol, BarInterval interval, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_book.Candles(symbol, interval.Duration, from, to));

    public IAsyncEnumerable<ExecutionEvent> StreamExecutionEventsAsync(CancellationToken cancellationToken) =>
        Stream(_book.ExecutionSubscribers, cancellationToken);

    public async IAsyncEnumerable<MarketDataEvent> StreamMarketDataAsync(IReadOnlyList<string> symbols, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        await foreach (var e in Stream(_book.MarketDataSubscribers, cancellationToken))
        {
            if (symbols.Count == 0 || symbols.Contains(e.Symbol, StringComparer.OrdinalIgnoreCase))
            {
                yield return e;
            }
        }
    }

    private static async IAsyncEnumerable<T> Stream<T>(Subscribers<T> subscribers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
        subscribers.Add(channel.Writer);
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            subscribers.Remove(channel.Writer);
        }
    }
}
