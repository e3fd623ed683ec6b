using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Simulated;

/// <summary>Matching semantics of the simulated venue with fills computed by hand (fees: taker 4.5 bps, maker 1.5 bps).</summary>
public sealed class SimulatedVenueMatchingTests
{
    private static async Task<ExecutionHarness> Started(Func<ResearchPlatform.Engine.Execution.Simulated.SimulatedVenueOptions, ResearchPlatform.Engine.Execution.Simulated.SimulatedVenueOptions>? tweak = null)
    {
        var options = ExecutionHarness.DefaultVenue();
        var h = new ExecutionHarness(tweak?.Invoke(options) ?? options);
        await h.StartAsync();
        h.Bar(100, 100, 100, 100); // last price 100
        return h;
    }

    [Fact]
    public async Task Market_NextBar_FillsAtOpenAsTakerWithFee()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Market, 1m);
        h.Bar(101, 105, 95, 102);
        h.Pump();

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.Equal(OrderState.Filled, o.State);
        Assert.Equal(101m, o.AverageFillPrice);
        Assert.Equal(0.04545m, o.Fees); // 101 x 1 x 0.00045
        Assert.Equal(1m, o.TakerQuantity);
        Assert.Equal(1m, h.Manager.Positions.QuantityOf("BTC"));
    }

    [Theory]
    [InlineData(OrderSide.Buy, 10, 0, 100.1)]   // 100 x 1.001
    [InlineData(OrderSide.Sell, 10, 0, 99.9)]
    [InlineData(OrderSide.Buy, 0, 100, 100.1)]  // impact 100 bps x (1 / 10 volume) = 10 bps
    [InlineData(OrderSide.Buy, 3, 0, 100.1)]    // 100.03 rounds up to the tick against the taker
    [InlineData(OrderSide.Sell, 3, 0, 99.9)]    // 99.97 rounds down
    public async Task Market_Slippage_MovesPriceAgainstTakerOnTick(OrderSide side, double slippageBps, double impactBps, double expected)
    {
        using var h = await Started(o => o with { SlippageBps = (decimal)slippageBps, ImpactBps = (decimal)impactBps });
        var s = await h.Submit(side, OrderType.Market, 1m);
        h.Bar(100, 101, 99, 100, volume: 10m);
        h.Pump();

        Assert.Equal((decimal)expected, h.Manager.Find(s.ClientOrderId)!.AverageFillPrice);
    }

    [Fact]
    public async Task Market_ParticipationCap_FillsOverSeveralBars()
    {
        using var h = await Started(o => o with { ParticipationCap = 0.1m });
        var s = await h.Submit(OrderSide.Buy, OrderType.Market, 1.2m);
        var o = h.Manager.Find(s.ClientOrderId)!;

        h.Bar(100, 101, 99, 100, volume: 5m); // capacity 0.5
        h.Pump();
        Assert.Equal((OrderState.PartiallyFilled, 0.5m), (o.State, o.FilledQuantity));
        h.Bar(102, 103, 101, 102, volume: 5m);
        h.Pump();
        Assert.Equal((OrderState.PartiallyFilled, 1.0m), (o.State, o.FilledQuantity));
        h.Bar(104, 105, 103, 104, volume: 5m);
        h.Pump();

        Assert.Equal(OrderState.Filled, o.State);
        Assert.Equal(((0.5m * 100) + (0.5m * 102) + (0.2m * 104)) / 1.2m, o.AverageFillPrice);
    }

    [Fact]
    public async Task Limit_Resting_FillsAsMakerOnlyWhenTradedThrough()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        var o = h.Manager.Find(s.ClientOrderId)!;

        h.Bar(100, 101, 95, 99); // touches 95: no fill
        h.Pump();
        Assert.Equal(OrderState.Accepted, o.State);
        h.Bar(99, 99, 94.9m, 96);
        h.Pump();

        Assert.Equal(OrderState.Filled, o.State);
        Assert.Equal(95m, o.AverageFillPrice);
        Assert.Equal(0.01425m, o.Fees); // 95 x 0.00015
        Assert.Equal(1m, o.MakerQuantity);
    }

    [Fact]
    public async Task Limit_MarketableAtNextOpen_TakesAtOpen()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 101m);
        h.Bar(100.5m, 102, 100, 101);
        h.Pump();

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.Equal(100.5m, o.AverageFillPrice);
        Assert.Equal(1m, o.TakerQuantity);
    }

    [Fact]
    public async Task Alo_WouldCross_RejectedByVenue()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 100m, tif: TimeInForce.Alo);

        Assert.Equal(OrderState.Rejected, s.State);
        Assert.Contains("post-only order would cross", s.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alo_GapThroughLimit_FillsAsMakerAtLimit()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 99.9m, tif: TimeInForce.Alo);
        h.Bar(99, 100, 98, 99);
        h.Pump();

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.Equal((OrderState.Filled, 99.9m, 1m), (o.State, o.AverageFillPrice!.Value, o.MakerQuantity));
    }

    [Fact]
    public async Task Ioc_NotMarketable_CanceledWithoutFill()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 99m, tif: TimeInForce.Ioc);
        h.Bar(100, 100, 98, 99); // trades through 99 later in the bar, but IOC only gets the open
        h.Pump();

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.Equal((OrderState.Canceled, 0m), (o.State, o.FilledQuantity));
    }

    [Fact]
    public async Task Ioc_CappedByParticipation_FillsPartAndCancelsRest()
    {
        using var h = await Started(o => o with { ParticipationCap = 0.1m });
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 101m, tif: TimeInForce.Ioc);
        h.Bar(100, 101, 99, 100, volume: 5m);
        h.Pump();

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.Equal((OrderState.Canceled, 0.5m, 100m), (o.State, o.FilledQuantity, o.AverageFillPrice!.Value));
    }

    [Theory]
    [InlineData(OrderType.Stop, OrderSide.Sell, 95, 100, 100, 94, 95)]       // triggers inside the bar: at the trigger
    [InlineData(OrderType.Stop, OrderSide.Sell, 95, 93, 94, 92, 93)]         // gaps through: at the open
    [InlineData(OrderType.Stop, OrderSide.Buy, 105, 100, 106, 99, 105)]
    [InlineData(OrderType.TakeProfit, OrderSide.Sell, 110, 100, 111, 99, 110)]
    [InlineData(OrderType.TakeProfit, OrderSide.Sell, 110, 112, 113, 111, 112)]
    [InlineData(OrderType.TakeProfit, OrderSide.Buy, 90, 100, 101, 89, 90)]
    public async Task Trigger_Reached_FillsAtTriggerOrGapOpen(OrderType type, OrderSide side, double trigger, double open, double high, double low, double expected)
    {
        using var h = await Started();
        var s = await h.Submit(side, type, 1m, trigger: (decimal)trigger);
        h.Bar(100, 100.5m, 99.5m, 100); // not reached
        h.Pump();
        Assert.Equal(OrderState.Accepted, h.Manager.Find(s.ClientOrderId)!.State);
        h.Bar((decimal)open, (decimal)high, (decimal)low, (decimal)open);
        h.Pump();

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.Equal((OrderState.Filled, (decimal)expected), (o.State, o.AverageFillPrice!.Value));
    }

    [Fact]
    public async Task RoundTrip_TakerThenMaker_VenueCashIsRealizedMinusFees()
    {
        using var h = await Started();
        await h.Submit(OrderSide.Buy, OrderType.Market, 1m);
        h.Bar(100, 101, 99, 100);
        h.Pump(); // the manager must see the long before a reduce-only sell passes validation
        var sell = await h.Submit(OrderSide.Sell, OrderType.Limit, 1m, limit: 110m, reduceOnly: true);
        Assert.Equal(OrderState.Accepted, sell.State);
        h.Bar(100, 111, 99, 110);
        h.Pump();

        var balance = Assert.Single(await h.Venue.GetBalancesAsync(CancellationToken.None));
        var expectedFees = 0.045m + 0.0165m; // 100 x 4.5 bps + 110 x 1.5 bps
        Assert.Equal(100_000m + 10m - expectedFees, balance.Available);
        var position = h.Manager.Positions.Snapshot("BTC");
        Assert.Equal((0m, 10m, expectedFees), (position.Quantity, position.RealizedPnl, position.Fees));
        Assert.Equal(0m, h.Venue.PositionOf("BTC"));
    }

    [Fact]
    public async Task Place_SameClientIdTwice_SecondRefusedAndCounted()
    {
        using var h = await Started();
        var order = new SubmitOrder("dup-1", "BTC", OrderSide.Buy, OrderType.Limit, 1m, 90m);

        var first = await h.Venue.PlaceOrderAsync(order, CancellationToken.None);
        var second = await h.Venue.PlaceOrderAsync(order, CancellationToken.None);

        Assert.True(first.Accepted);
        Assert.Equal((false, "duplicate client order id"), (second.Accepted, second.RejectReason));
        Assert.Equal(2, h.Venue.Placements["dup-1"]);
    }
}
