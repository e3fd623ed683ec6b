using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// Wraps a simulated venue and fails the next place calls as scripted: an exception thrown before the request reaches
/// the venue, or (for <see cref="DropAck"/>) after the venue applied it. Counts calls per method.
/// </summary>
internal sealed class ScriptedFaultVenue(SimulatedVenue inner) : IExchangeAdapter
{
    public static readonly ExchangeException DropAck = new(ExchangeErrorKind.Timeout, "ack dropped (scripted)");

    public Queue<ExchangeException> PlaceFaults { get; } = new();

    public Queue<ExchangeException> CancelFaults { get; } = new();

    public int PlaceCalls { get; private set; }

    public int StatusQueries { get; private set; }

    public string VenueId => inner.VenueId;

    public async ValueTask<OrderAck> PlaceOrderAsync(SubmitOrder order, CancellationToken cancellationToken)
    {
        PlaceCalls++;
        if (PlaceFaults.TryDequeue(out var fault))
        {
            if (ReferenceEquals(fault, DropAck))
            {
                await inner.PlaceOrderAsync(order, cancellationToken);
            }

            throw fault;
        }

        return await inner.PlaceOrderAsync(order, cancellationToken);
    }

    public async ValueTask CancelOrderAsync(CancelOrder cancel, CancellationToken cancellationToken)
    {
        if (CancelFaults.TryDequeue(out var fault))
        {
            if (ReferenceEquals(fault, DropAck))
            {
                await inner.CancelOrderAsync(cancel, cancellationToken);
            }

            throw fault;
        }

        await inner.CancelOrderAsync(cancel, cancellationToken);
    }

    public ValueTask<VenueOrder?> GetOrderByClientIdAsync(string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        StatusQueries++;
        return inner.GetOrderByClientIdAsync(symbol, clientOrderId, cancellationToken);
    }

    public ValueTask<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) => inner.GetInstrumentsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Balance>> GetBalancesAsync(CancellationToken cancellationToken) => inner.GetBalancesAsync(cancellationToken);

    public ValueTask<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken) => inner.GetOpenOrdersAsync(symbol, cancellationToken);

    public ValueTask ModifyOrderAsync(ModifyOrder modify, CancellationToken cancellationToken) => inner.ModifyOrderAsync(modify, cancellationToken);

    public ValueTask<IReadOnlyList<OrderFilled>> GetFillsAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.GetFillsAsync(since, cancellationToken);

    public IAsyncEnumerable<ExecutionEvent> StreamExecutionEventsAsync(CancellationToken cancellationToken) => inner.StreamExecutionEventsAsync(cancellationToken);

    public ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(string symbol, BarInterval interval, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner.GetCandlesAsync(symbol, interval, from, to, cancellationToken);

    public IAsyncEnumerable<MarketDataEvent> StreamMarketDataAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken) =>
        inner.StreamMarketDataAsync(symbols, cancellationToken);
}
