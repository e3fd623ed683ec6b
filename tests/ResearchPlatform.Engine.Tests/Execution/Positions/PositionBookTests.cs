using ResearchPlatform.Engine.Execution.Positions;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Positions;

public sealed class PositionBookTests
{
    [Fact]
    public void ApplyFill_AddThenReduce_AveragesEntryAndRealizes()
    {
        var book = new PositionBook();
        book.ApplyFill("BTC", OrderSide.Buy, 1m, 100m, 0.045m);
        book.ApplyFill("BTC", OrderSide.Buy, 1m, 110m, 0.0495m);
        book.ApplyFill("BTC", OrderSide.Sell, 0.5m, 120m, 0.027m);

        var p = book.Snapshot("BTC", markPrice: 100m);

        Assert.Equal(1.5m, p.Quantity);
        Assert.Equal(105m, p.AverageEntryPrice);
        Assert.Equal(7.5m, p.RealizedPnl);             // (120 - 105) x 0.5
        Assert.Equal(0.1215m, p.Fees);
        Assert.Equal(-7.5m, p.UnrealizedPnl);          // (100 - 105) x 1.5
        Assert.Equal(-0.1215m, p.NetPnl);
    }

    [Fact]
    public void ApplyFill_Flip_ClosesAndOpensRestAtFillPrice()
    {
        var book = new PositionBook();
        book.ApplyFill("BTC", OrderSide.Sell, 1m, 100m, 0m);
        book.ApplyFill("BTC", OrderSide.Buy, 3m, 90m, 0m);

        var p = book.Snapshot("BTC");

        Assert.Equal((2m, 90m, 10m), (p.Quantity, p.AverageEntryPrice, p.RealizedPnl)); // short 1 @100 covered @90
    }

    [Fact]
    public void ApplyFunding_PaidAndReceived_InNetPnl()
    {
        var book = new PositionBook();
        book.ApplyFill("BTC", OrderSide.Buy, 2m, 100m, 0m);
        book.ApplyFunding("BTC", -0.02m);
        book.ApplyFunding("BTC", 0.005m);

        var p = book.Snapshot("BTC", 101m);

        Assert.Equal(-0.015m, p.Funding);
        Assert.Equal(2m - 0.015m, p.NetPnl);
    }

    [Fact]
    public void ForceSet_AdoptsVenueQuantityKeepsRealized()
    {
        var book = new PositionBook();
        book.ApplyFill("BTC", OrderSide.Buy, 1m, 100m, 0m);
        book.ApplyFill("BTC", OrderSide.Sell, 1m, 110m, 0m);
        book.ForceSet("BTC", -0.5m, 108m);

        var p = book.Snapshot("BTC", 108m);

        Assert.Equal((-0.5m, 108m, 10m), (p.Quantity, p.AverageEntryPrice, p.RealizedPnl));
    }
}
