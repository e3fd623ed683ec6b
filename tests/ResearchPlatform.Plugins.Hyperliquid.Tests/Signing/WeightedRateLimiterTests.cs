using ResearchPlatform.Hyperliquid.RateLimits;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Signing;

public sealed class WeightedRateLimiterTests
{
    [Fact]
    public void TryAcquire_BudgetSpent_ReturnsTheTimeUntilEnoughWeightRefills()
    {
        var time = new ManualTime();
        var limiter = new WeightedRateLimiter(1200, TimeSpan.FromMinutes(1), time);

        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(20));
        }

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TryAcquire(20));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(20));
        Assert.Equal(1220, limiter.Charged);
    }

    [Fact]
    public void Charge_ExtraWeightAfterResponse_DelaysTheNextRequest()
    {
        var time = new ManualTime();
        var limiter = new WeightedRateLimiter(1200, TimeSpan.FromMinutes(1), time);
        limiter.Charge(1200 + 40);

        Assert.Equal(TimeSpan.FromSeconds(2.1), limiter.TryAcquire(2));
    }

    [Theory]
    [InlineData("l2Book", 2)]
    [InlineData("clearinghouseState", 2)]
    [InlineData("orderStatus", 2)]
    [InlineData("userRole", 60)]
    [InlineData("meta", 20)]
    [InlineData("candleSnapshot", 20)]
    public void Info_DocumentedType_HasDocumentedWeight(string type, int weight) => Assert.Equal(weight, RequestWeights.Info(type));

    [Fact]
    public void Weights_BatchesAndItems_FollowTheDocumentedFormulas()
    {
        Assert.Equal(1, RequestWeights.Exchange(1));
        Assert.Equal(2, RequestWeights.Exchange(79));
        Assert.Equal(5, RequestWeights.InfoExtra("userFills", 100));
        Assert.Equal(83, RequestWeights.InfoExtra("candleSnapshot", 5000));
        Assert.Equal(0, RequestWeights.InfoExtra("allMids", 500));
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
