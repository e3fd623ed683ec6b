using System.Globalization;
using ResearchPlatform.Hyperliquid.Venue;
using ResearchPlatform.Plugins.Hyperliquid.Tests.TestSupport;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Integration;

/// <summary>The adapter against the local venue over real HTTP/WebSocket on 127.0.0.1 (signatures verified by the venue).</summary>
public sealed class AdapterVenueTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PlaceOrderAsync_MarketableLimit_FillsAtOnceAndOpensPosition()
    {
        await using var h = await VenueHarness.StartAsync();
        var last = await MidAsync(h);

        var ack = await h.Adapter.PlaceOrderAsync(new SubmitOrder("O-1", "BTC", OrderSide.Buy, OrderType.Limit, 0.01m, last * 1.01m), None);
        var fills = await h.Adapter.GetFillsAsync(DateTimeOffset.UnixEpoch, None);

        Assert.True(ack.Accepted, ack.RejectReason);
        var fill = Assert.Single(fills);
        Assert.Equal(("O-1", 0.01m, OrderSide.Buy, Liquidity.Taker), (fill.ClientOrderId, fill.Quantity, fill.Side, fill.Liquidity));
        Assert.Equal(ack.ExchangeOrderId, fill.ExchangeOrderId);
        Assert.Equal(0.01m, Assert.Single(await h.Adapter.GetPositionsAsync(None)).Quantity);
        Assert.Equal(0.01m, h.Venue.PositionOf(h.Key.Address, "BTC"));
    }

    [Fact]
    public async Task PlaceOrderAsync_RestingLimit_FillsOnALaterCandleAndStreamsTheFill()
    {
        await using var h = await VenueHarness.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = Collect(h.Adapter.StreamExecutionEventsAsync(cts.Token), e => e is OrderFilled, cts.Token);
        await WaitUntilAsync(() => h.Venue.WebSocketConnections == 1);
        var last = await MidAsync(h, "ETH");

        var ack = await h.Adapter.PlaceOrderAsync(new SubmitOrder("O-rest", "ETH", OrderSide.Sell, OrderType.Limit, 0.5m, last * 1.002m), None);
        Assert.True(ack.Accepted, ack.RejectReason);
        Assert.Equal("O-rest", Assert.Single(await h.Adapter.GetOpenOrdersAsync("ETH", None)).ClientOrderId);
        for (var i = 0; i < 200 && h.Venue.PositionOf(h.Key.Address, "ETH") == 0m; i++)
        {
            h.Venue.Step();
        }

        var fill = (OrderFilled)(await events).Last();
        Assert.Equal(("O-rest", Liquidity.Maker, 0.5m), (fill.ClientOrderId, fill.Liquidity, fill.Quantity));
        Assert.Empty(await h.Adapter.GetOpenOrdersAsync(null, None));
        Assert.Equal(VenueOrderStatus.Filled, (await h.Adapter.GetOrderByClientIdAsync("ETH", "O-rest", None))!.Status);
    }

    [Fact]
    public async Task CancelOrderAsync_ByClientId_RemovesOrderAndSecondCancelIsNotFound()
    {
        await using var h = await VenueHarness.StartAsync();
        var last = await MidAsync(h);
        await h.Adapter.PlaceOrderAsync(new SubmitOrder("O-c", "BTC", OrderSide.Buy, OrderType.Limit, 0.01m, last * 0.9m), None);

        await h.Adapter.CancelOrderAsync(new CancelOrder("BTC", "O-c"), None);
        var again = await Assert.ThrowsAsync<ExchangeException>(async () => await h.Adapter.CancelOrderAsync(new CancelOrder("BTC", "O-c"), None));

        Assert.Empty(await h.Adapter.GetOpenOrdersAsync("BTC", None));
        Assert.Equal(ExchangeErrorKind.NotFound, again.Kind);
        Assert.Contains("Order was never placed, already canceled, or filled.", again.Message, StringComparison.Ordinal);
        Assert.Equal(VenueOrderStatus.Canceled, (await h.Adapter.GetOrderByClientIdAsync("BTC", "O-c", None))!.Status);
    }

    [Fact]
    public async Task ModifyOrderAsync_PriceAndSize_ReplacesOrderAndPublishesOrderModified()
    {
        await using var h = await VenueHarness.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = Collect(h.Adapter.StreamExecutionEventsAsync(cts.Token), e => e is OrderModified, cts.Token);
        await WaitUntilAsync(() => h.Venue.WebSocketConnections == 1);
        var last = await MidAsync(h);
        var ack = await h.Adapter.PlaceOrderAsync(new SubmitOrder("O-m", "BTC", OrderSide.Buy, OrderType.Limit, 0.01m, last * 0.9m), None);
        var newPrice = Math.Round(last * 0.8m, 0);

        await h.Adapter.ModifyOrderAsync(new ModifyOrder("BTC", "O-m", Quantity: 0.02m, LimitPrice: newPrice), None);

        var modified = (OrderModified)(await events).Last();
        var open = Assert.Single(await h.Adapter.GetOpenOrdersAsync("BTC", None));
        Assert.Equal(("O-m", 0.02m, newPrice), (open.ClientOrderId, open.Quantity, open.LimitPrice!.Value));
        Assert.Equal(open.ExchangeOrderId, modified.ExchangeOrderId);
        Assert.NotEqual(ack.ExchangeOrderId, modified.ExchangeOrderId);
        Assert.Equal((0.02m, newPrice), (modified.Quantity, modified.LimitPrice!.Value));
    }

    [Fact]
    public async Task StreamExecutionEventsAsync_FillWhileDisconnected_IsBackfilledOnceAfterReconnect()
    {
        await using var h = await VenueHarness.StartAsync(adapterOptions: o => o with { BackoffInitial = TimeSpan.FromMilliseconds(300) });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var fills = new List<OrderFilled>();
        var stream = Task.Run(async () =>
        {
            await foreach (var e in h.Adapter.StreamExecutionEventsAsync(cts.Token))
            {
                if (e is OrderFilled f)
                {
                    fills.Add(f);
                }
            }
        }, cts.Token);
        await WaitUntilAsync(() => h.Venue.WebSocketConnections == 1);
        var last = await MidAsync(h, "SOL");
        await h.Adapter.PlaceOrderAsync(new SubmitOrder("O-gap", "SOL", OrderSide.Buy, OrderType.Limit, 1m, last * 0.999m), None);

        h.Venue.DropWebSockets();
        for (var i = 0; i < 500 && h.Venue.PositionOf(h.Key.Address, "SOL") == 0m; i++)
        {
            h.Venue.Step();
        }

        Assert.Equal(1m, h.Venue.PositionOf(h.Key.Address, "SOL"));
        await WaitUntilAsync(() => fills.Count > 0 && h.Venue.WebSocketConnections == 1, TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        await cts.CancelAsync();
        await stream.ContinueWith(_ => { }, TaskScheduler.Default);
        var fill = Assert.Single(fills);
        Assert.Equal("O-gap", fill.ClientOrderId);
        Assert.True(h.Venue.DroppedWebSockets >= 1);
    }

    [Fact]
    public async Task GetCandlesAsync_MoreThanOnePage_PagesCandleSnapshotWithoutGapsOrDuplicates()
    {
        await using var h = await VenueHarness.StartAsync(new LocalVenueOptions { HistoryBars = 6_100 });
        var to = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000);
        var from = to - TimeSpan.FromHours(6_100);

        var candles = await h.Adapter.GetCandlesAsync("BTC", BarInterval.Parse("1h"), from, to, None);

        Assert.Equal(6_100, candles.Count);
        Assert.All(candles.Zip(candles.Skip(1)), p => Assert.Equal(TimeSpan.FromHours(1), p.Second.OpenTime - p.First.OpenTime));
        Assert.True(candles[0].OpenTime >= from);
    }

    internal static async Task<decimal> MidAsync(VenueHarness h, string coin = "BTC") =>
        decimal.Parse((await h.Adapter.Context.Rest.InfoAsync(new() { ["type"] = "allMids" }, None))![coin]!.GetValue<string>(), CultureInfo.InvariantCulture);

    internal static async Task<List<ExecutionEvent>> Collect(IAsyncEnumerable<ExecutionEvent> stream, Func<ExecutionEvent, bool> until, CancellationToken cancellationToken)
    {
        var result = new List<ExecutionEvent>();
        await foreach (var e in stream.WithCancellation(cancellationToken))
        {
            result.Add(e);
            if (until(e))
            {
                break;
            }
        }

        return result;
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(20);
        }
    }
}
