using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Simulated;

/// <summary>Perp funding at the venue's hourly boundaries, and GTD orders expired by the venue clock.</summary>
public sealed class FundingAndExpiryTests
{
    private static readonly DateTimeOffset T0 = ExecutionHarness.Start;

    [Fact]
    public async Task Funding_LongPositionOverTwoBoundaries_PaysQuantityTimesMarkTimesRate()
    {
        using var h = new ExecutionHarness(ExecutionHarness.DefaultVenue() with { FundingRate = 0.0001m });
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        await h.Submit(OrderSide.Buy, OrderType.Market, 1m);
        h.Bar(100, 111, 99, 110); // fills at 100; flat at the 01:00 boundary: no funding
        h.Bar(110, 121, 109, 120); // 02:00: 1 x 110 x 0.0001
        h.Bar(120, 121, 119, 120); // 03:00: 1 x 120 x 0.0001
        h.Pump();

        var payments = h.Venue.TakeFundingPayments();

        Assert.Equal([(T0.AddHours(2), -0.011m), (T0.AddHours(3), -0.012m)], payments.Select(p => (p.Time, p.Amount)));
        Assert.Empty(h.Venue.TakeFundingPayments());
        var venue = h.Venue.PeekPosition("BTC", 120m);
        Assert.Equal(-0.023m, venue.Funding);
        Assert.Equal(20m - 0.045m - 0.023m, venue.NetPnl); // +20 price, 0.045 taker fee, funding
    }

    [Fact]
    public async Task PaperRun_WithFunding_EquityDiffersByExactlyTheFundingAndVenueAgrees()
    {
        var bars = PaperSeries.RandomWalk(300, seed: 9);
        var strategy = new PaperStrategy("m", new MomentumTestSeed(), [3]);
        var options = new PaperOptions { Sizing = PaperSizing.FixedUnits, Units = 2m, ParticipationCap = 1m };

        var plain = (await PaperReplayEngine.RunAsync("a", bars, [strategy], options, null, null, null, CancellationToken.None)).Strategies[0];
        var funded = (await PaperReplayEngine.RunAsync("b", bars, [strategy], options with { FundingRatePerHour = 0.0002m }, null, null, null, CancellationToken.None)).Strategies[0];

        Assert.Equal(0m, plain.Funding);
        Assert.NotEqual(0m, funded.Funding);
        Assert.Equal(plain.Performance.Fees, funded.Performance.Fees);
        Assert.Equal(plain.FinalEquity + funded.Funding, funded.FinalEquity);
        Assert.True(funded.Reconciliation!.Agrees, string.Join("; ", funded.Reconciliation.Problems));
    }

    [Fact]
    public async Task Gtd_RestingLimitPastExpiry_ExpiredByVenueClockAtTheBoundary()
    {
        using var h = new ExecutionHarness();
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        var gtd = await Place(h, 90m, T0.AddHours(3));
        var filledFirst = await Place(h, 99.5m, T0.AddHours(3));
        h.Bar(100, 101, 99, 100); // 01:00: the 99.5 bid fills as maker (traded through), the 90 bid rests
        h.Pump();
        Assert.Equal((OrderState.Accepted, OrderState.Filled), (h.Manager.Find(gtd)!.State, h.Manager.Find(filledFirst)!.State));

        h.Bar(100, 101, 99, 100); // 02:00
        h.Pump();
        Assert.Equal(OrderState.Accepted, h.Manager.Find(gtd)!.State);
        h.Bar(100, 101, 99, 100); // 03:00: expiry reached
        h.Pump();

        var o = h.Manager.Find(gtd)!;
        Assert.Equal(OrderState.Expired, o.State);
        var venue = h.Venue.Peek(gtd)!;
        Assert.Equal((VenueOrderStatus.Expired, T0.AddHours(3)), (venue.Status, venue.UpdatedAt));
        Assert.Equal(OrderState.Filled, h.Manager.Find(filledFirst)!.State);
    }

    [Fact]
    public async Task Gtd_ExpiryInThePast_RejectedByVenue()
    {
        using var h = new ExecutionHarness();
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);

        var id = await Place(h, 90m, T0);

        var o = h.Manager.Find(id)!;
        Assert.Equal(OrderState.Rejected, o.State);
        Assert.Contains("expire_at is not in the future", o.Reason, StringComparison.Ordinal);
    }

    private static async Task<string> Place(ExecutionHarness h, decimal limit, DateTimeOffset expireAt)
    {
        var request = new OrderRequest("BTC", OrderSide.Buy, OrderType.Limit, 1m, 100m, h.Clock.GetUtcNow(), limit) { ExpireAt = expireAt };
        return (await h.Manager.SubmitAsync(request, CancellationToken.None)).ClientOrderId;
    }
}
