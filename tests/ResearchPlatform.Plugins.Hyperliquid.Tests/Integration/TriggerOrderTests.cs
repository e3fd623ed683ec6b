using ResearchPlatform.Hyperliquid.Venue;
using ResearchPlatform.Plugins.Hyperliquid.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Integration;

/// <summary>
/// Protective orders as the paper runner sends them (reduce-only stop-market and take-profit trigger orders, tpsl
/// sl/tp) through the adapter to the local venue over HTTP: they rest untriggered, the stop triggers when the price
/// falls through it and closes the position, the take-profit then has nothing to reduce.
/// </summary>
public sealed class TriggerOrderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task StopAndTakeProfit_ReduceOnlyTriggers_RestThenStopClosesThePosition()
    {
        await using var h = await VenueHarness.StartAsync(new LocalVenueOptions { Volatility = 0.01, Seed = 7 });
        var mid = await AdapterVenueTests.MidAsync(h);
        Assert.True((await h.Adapter.PlaceOrderAsync(new SubmitOrder("P-1", "BTC", OrderSide.Buy, OrderType.Limit, 0.01m, mid * 1.01m), None)).Accepted);
        var stopPx = Math.Round(mid * 0.995m, 0);
        var tpPx = Math.Round(mid * 1.5m, 0);

        var stop = await h.Adapter.PlaceOrderAsync(new SubmitOrder("P-sl", "BTC", OrderSide.Sell, OrderType.Stop, 0.01m, TriggerPrice: stopPx, ReduceOnly: true), None);
        var tp = await h.Adapter.PlaceOrderAsync(new SubmitOrder("P-tp", "BTC", OrderSide.Sell, OrderType.TakeProfit, 0.01m, TriggerPrice: tpPx, ReduceOnly: true), None);

        Assert.True(stop.Accepted, stop.RejectReason);
        Assert.True(tp.Accepted, tp.RejectReason);
        var resting = await h.Adapter.GetOpenOrdersAsync("BTC", None);
        Assert.Equal(["P-sl", "P-tp"], resting.Select(o => o.ClientOrderId).Order());
        Assert.Equal(0.01m, h.Venue.PositionOf(h.Key.Address, "BTC"));
        for (var i = 0; i < 500 && h.Venue.PositionOf(h.Key.Address, "BTC") != 0m; i++)
        {
            h.Venue.Step();
        }

        var fills = await h.Adapter.GetFillsAsync(DateTimeOffset.UnixEpoch, None);
        var exit = Assert.Single(fills, f => f.ClientOrderId == "P-sl");
        Assert.Equal((OrderSide.Sell, 0.01m), (exit.Side, exit.Quantity));
        Assert.True(exit.Price <= stopPx, $"stop filled at {exit.Price}, above its trigger {stopPx}");
        Assert.Equal(0m, h.Venue.PositionOf(h.Key.Address, "BTC"));
        Assert.DoesNotContain(fills, f => f.ClientOrderId == "P-tp");
        Assert.Equal(VenueOrderStatus.Filled, (await h.Adapter.GetOrderByClientIdAsync("BTC", "P-sl", None))!.Status);
    }
}
