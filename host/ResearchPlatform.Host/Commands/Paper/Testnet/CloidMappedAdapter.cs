using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ResearchPlatform.Hyperliquid.Signing;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Host.Commands.Paper.Testnet;

/// <summary>
/// Wraps the Hyperliquid adapter so events and state of orders placed by an earlier process (before a crash) carry
/// the session's client order ids again. The adapter sends each client id as cloid = the first 16 bytes of its
/// keccak-256 (docs/hyperliquid.md) and maps cloids back only for ids it saw in this process; this wrapper knows every
/// id of the session's journals (<see cref="Register"/>) and translates the cloids the adapter could not.
/// </summary>
internal sealed class CloidMappedAdapter(IExchangeAdapter inner) : IExchangeAdapter, IFundingPaymentSource
{
    private readonly ConcurrentDictionary<string, string> _byCloid = new(StringComparer.OrdinalIgnoreCase);

    public string VenueId => inner.VenueId;

    /// <summary>The cloid Hyperliquid sees for a client order id.</summary>
    public static string CloidOf(string clientOrderId) => Hex.Encode(Keccak.Hash(clientOrderId).AsSpan(0, 16));

    public void Register(string clientOrderId) => _byCloid[CloidOf(clientOrderId)] = clientOrderId;

    public ValueTask<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) => inner.GetInstrumentsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Balance>> GetBalancesAsync(CancellationToken cancellationToken) => inner.GetBalancesAsync(cancellationToken);

    public ValueTask<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken) =>
        [.. (await inner.GetOpenOrdersAsync(symbol, cancellationToken)).Select(o => o with { ClientOrderId = Map(o.ClientOrderId) })];

    public ValueTask<OrderAck> PlaceOrderAsync(SubmitOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        Register(order.ClientOrderId);
        return inner.PlaceOrderAsync(order, cancellationToken);
    }

    public ValueTask CancelOrderAsync(CancelOrder cancel, CancellationToken cancellationToken) => inner.CancelOrderAsync(cancel, cancellationToken);

    public ValueTask ModifyOrderAsync(ModifyOrder modify, CancellationToken cancellationToken) => inner.ModifyOrderAsync(modify, cancellationToken);

    public async ValueTask<VenueOrder?> GetOrderByClientIdAsync(string symbol, string clientOrderId, CancellationToken cancellationToken) =>
        await inner.GetOrderByClientIdAsync(symbol, clientOrderId, cancellationToken) is { } o ? o with { ClientOrderId = clientOrderId } : null;

    public async ValueTask<IReadOnlyList<OrderFilled>> GetFillsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        [.. (await inner.GetFillsAsync(since, cancellationToken)).Select(f => f with { ClientOrderId = Map(f.ClientOrderId) })];

    public async IAsyncEnumerable<ExecutionEvent> StreamExecutionEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in inner.StreamExecutionEventsAsync(cancellationToken))
        {
            yield return e with { ClientOrderId = Map(e.ClientOrderId) };
        }
    }

    public ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(string symbol, BarInterval interval, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner.GetCandlesAsync(symbol, interval, from, to, cancellationToken);

    public IAsyncEnumerable<MarketDataEvent> StreamMarketDataAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken) =>
        inner.StreamMarketDataAsync(symbols, cancellationToken);

    /// <summary>The inner adapter's funding payments; none when it lacks the capability.</summary>
    public async ValueTask<IReadOnlyList<AccountFundingPayment>> GetFundingPaymentsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner is IFundingPaymentSource source ? await source.GetFundingPaymentsAsync(from, to, cancellationToken) : [];

    private string Map(string clientOrderId) => _byCloid.TryGetValue(clientOrderId, out var id) ? id : clientOrderId;
}
