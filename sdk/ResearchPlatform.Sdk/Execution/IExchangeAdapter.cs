using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Sdk.Execution;

/// <summary>
/// A trading venue: the simulated venue, a testnet or a live exchange. Implementations round prices and sizes to the
/// venue's rules, deduplicate orders by client order id, and report failures as <see cref="ExchangeException"/>.
/// Every call is asynchronous and cancellable; the token is always the last parameter.
/// </summary>
public interface IExchangeAdapter
{
    /// <summary>A stable venue id, e.g. "simulated" or "hyperliquid-testnet".</summary>
    string VenueId { get; }

    /// <summary>Tradable instruments with their tick, lot, size and notional rules.</summary>
    ValueTask<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken);

    /// <summary>Account balances.</summary>
    ValueTask<IReadOnlyList<Balance>> GetBalancesAsync(CancellationToken cancellationToken);

    /// <summary>Open positions (non-zero quantity).</summary>
    ValueTask<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken);

    /// <summary>Working orders, optionally for one symbol.</summary>
    ValueTask<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken);

    /// <summary>Places an order. A rejection by the venue comes back as an ack with <c>Accepted = false</c>.</summary>
    ValueTask<OrderAck> PlaceOrderAsync(SubmitOrder order, CancellationToken cancellationToken);

    /// <summary>Requests a cancel; the outcome arrives on the execution stream (a late fill may arrive first).</summary>
    ValueTask CancelOrderAsync(CancelOrder cancel, CancellationToken cancellationToken);

    /// <summary>Requests a modification; the outcome arrives on the execution stream as <see cref="OrderModified"/>.</summary>
    ValueTask ModifyOrderAsync(ModifyOrder modify, CancellationToken cancellationToken);

    /// <summary>The venue's view of one order by client order id, or null when the venue never received it.</summary>
    ValueTask<VenueOrder?> GetOrderByClientIdAsync(string symbol, string clientOrderId, CancellationToken cancellationToken);

    /// <summary>Fills at or after <paramref name="since"/>, oldest first (for reconciliation after a disconnect or crash).</summary>
    ValueTask<IReadOnlyList<OrderFilled>> GetFillsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Order updates and fills as the venue pushes them, until cancellation.</summary>
    IAsyncEnumerable<ExecutionEvent> StreamExecutionEventsAsync(CancellationToken cancellationToken);

    /// <summary>Candles with open time in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(string symbol, BarInterval interval, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Candles, trades and top-of-book updates for the given symbols, until cancellation.</summary>
    IAsyncEnumerable<MarketDataEvent> StreamMarketDataAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken);
}
