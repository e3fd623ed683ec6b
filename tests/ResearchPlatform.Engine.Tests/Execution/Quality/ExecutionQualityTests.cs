using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Quality;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Quality;

public sealed class ExecutionQualityTests
{
    private static readonly ExecutionQualityThresholds Defaults = new();

    [Theory]
    [InlineData(OrderSide.Buy, 100.5, 100, 50)]
    [InlineData(OrderSide.Buy, 99.5, 100, -50)]
    [InlineData(OrderSide.Sell, 99.5, 100, 50)]
    [InlineData(OrderSide.Sell, 100.1, 100, -10)]
    public void SlippageBps_Sides_PositiveIsAdverse(OrderSide side, double fill, double reference, double expected) =>
        Assert.Equal((decimal)expected, ExecutionQualityCalculator.SlippageBps(side, (decimal)fill, (decimal)reference));

    [Theory]
    [InlineData(1.0, -3, "Excellent")]
    [InlineData(1.0, 1, "Excellent")]
    [InlineData(1.0, 1.01, "Good")]
    [InlineData(0.95, 5, "Good")]
    [InlineData(0.94, 0, "Fair")]
    [InlineData(1.0, 15, "Fair")]
    [InlineData(1.0, 15.5, "Poor")]
    [InlineData(0.4, 0, "Poor")]
    [InlineData(0.0, 0, "Failed")]
    public void Grade_Thresholds_Classify(double fillRatio, double slippage, string expected) =>
        Assert.Equal(Enum.Parse<ExecutionGrade>(expected), ExecutionQualityCalculator.Grade((decimal)fillRatio, (decimal)slippage, Defaults));

    [Fact]
    public async Task Compute_MarketOrderThroughVenue_SlippageLatencyAndTaker()
    {
        using var h = new ExecutionHarness(ExecutionHarness.DefaultVenue() with { LatencyFixed = TimeSpan.FromMilliseconds(25) });
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        var decisionTime = h.Clock.GetUtcNow();
        h.Clock.Advance(TimeSpan.FromMilliseconds(5)); // signal -> submit
        var s = await h.Manager.SubmitAsync(new OrderRequest("BTC", OrderSide.Buy, OrderType.Market, 1m, 99.8m, decisionTime, ArrivalPrice: 100m), CancellationToken.None);
        h.Bar(100.2m, 101, 99, 100);
        h.Pump();

        var q = h.Manager.Quality(s.ClientOrderId);

        Assert.Equal(100.2m, q.AverageFillPrice);
        Assert.Equal(20m, q.SlippageVsArrivalBps);                                    // (100.2 - 100) / 100
        Assert.Equal(40.0802m, decimal.Round(q.SlippageVsDecisionBps!.Value, 4));   // (100.2 - 99.8) / 99.8 x 10,000
        Assert.Equal(TimeSpan.FromMilliseconds(5), q.SignalToSubmit);
        Assert.Equal(TimeSpan.FromMilliseconds(25), q.SubmitToAck);                   // one venue round trip
        Assert.Equal((0m, 1m, ExecutionGrade.Poor), (q.MakerFraction, q.FillRatio, q.Grade));
    }

    [Fact]
    public async Task Compute_CanceledUnfilled_Failed()
    {
        using var h = new ExecutionHarness();
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 90m);
        await h.Manager.CancelAsync(s.ClientOrderId, CancellationToken.None);
        h.Pump();

        var q = h.Manager.Quality(s.ClientOrderId);
        Assert.Equal((ExecutionGrade.Failed, 0m, (decimal?)null), (q.Grade, q.FillRatio, q.AverageFillPrice));
    }
}
