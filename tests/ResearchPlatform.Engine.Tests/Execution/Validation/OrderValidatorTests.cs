using ResearchPlatform.Engine.Execution.Validation;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Validation;

public sealed class OrderValidatorTests
{
    private readonly OrderValidator _validator = new([ExecutionHarness.Btc]);

    private static SubmitOrder Order(decimal qty, OrderType type = OrderType.Limit, decimal? limit = 100m, decimal? trigger = null, OrderSide side = OrderSide.Buy, TimeInForce tif = TimeInForce.Gtc, bool reduceOnly = false, string symbol = "BTC") =>
        new("O-1", symbol, side, type, qty, limit, trigger, tif, reduceOnly);

    [Theory]
    [InlineData("ETH", 1, null, "symbol")]
    [InlineData("BTC", 0, null, "quantity-positive")]
    [InlineData("BTC", 0.0005, null, "quantity-min")]
    [InlineData("BTC", 100.001, null, "quantity-max")]
    [InlineData("BTC", 0.0015, null, "quantity-lot")]
    [InlineData("BTC", 0.05, null, "notional-min")]
    public void Validate_BrokenRule_NamesOrderAndRule(string symbol, double qty, string? unused, string rule)
    {
        _ = unused;
        var result = _validator.Validate(Order((decimal)qty, symbol: symbol), 100m, 0m);

        Assert.False(result.IsValid);
        Assert.Equal(rule, result.Violation!.Rule);
        Assert.StartsWith($"order O-1: rule {rule}: ", result.Violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LimitWithoutPrice_PriceRequired() =>
        Assert.Equal("price-required", _validator.Validate(Order(1, limit: null), 100m, 0).Violation!.Rule);

    [Fact]
    public void Validate_StopWithoutTrigger_TriggerRequired() =>
        Assert.Equal("trigger-required", _validator.Validate(Order(1, OrderType.Stop, limit: null), 100m, 0).Violation!.Rule);

    [Fact]
    public void Validate_AloMarket_AloLimitOnly() =>
        Assert.Equal("alo-limit-only", _validator.Validate(Order(1, OrderType.Market, limit: null, tif: TimeInForce.Alo), 100m, 0).Violation!.Rule);

    [Theory]
    [InlineData(OrderSide.Buy, 100.07, 100.0)]
    [InlineData(OrderSide.Sell, 100.01, 100.1)]
    [InlineData(OrderSide.Buy, 100.1, 100.1)]
    public void Validate_OffTickLimit_RoundedPassively(OrderSide side, double limit, double expected)
    {
        var result = _validator.Validate(Order(1, limit: (decimal)limit, side: side), 100m, 0);

        Assert.True(result.IsValid);
        Assert.Equal((decimal)expected, result.Order!.LimitPrice);
    }

    [Fact]
    public void Validate_OffTickTrigger_RoundedToNearest() =>
        Assert.Equal(95.1m, _validator.Validate(Order(1, OrderType.Stop, limit: null, trigger: 95.05m, side: OrderSide.Sell), 100m, 0).Order!.TriggerPrice);

    [Fact]
    public void Validate_MarketNotional_UsesReferencePrice()
    {
        Assert.True(_validator.Validate(Order(0.1m, OrderType.Market, limit: null), 100m, 0).IsValid); // 10.0 >= 10
        Assert.Equal("notional-min", _validator.Validate(Order(0.1m, OrderType.Market, limit: null), 99.9m, 0).Violation!.Rule);
    }

    [Theory]
    [InlineData(OrderSide.Sell, 0.5, 1.0, true)]
    [InlineData(OrderSide.Sell, 1.0, 1.0, true)]
    [InlineData(OrderSide.Sell, 1.5, 1.0, false)]
    [InlineData(OrderSide.Buy, 0.5, 1.0, false)]
    [InlineData(OrderSide.Buy, 0.5, -1.0, true)]
    [InlineData(OrderSide.Sell, 0.5, 0.0, false)]
    public void Validate_ReduceOnly_OnlyWhenItReduces(OrderSide side, double qty, double position, bool valid)
    {
        var result = _validator.Validate(Order((decimal)qty, side: side, reduceOnly: true, limit: 100m), 100m, (decimal)position);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal("reduce-only", result.Violation!.Rule);
        }
    }
}
