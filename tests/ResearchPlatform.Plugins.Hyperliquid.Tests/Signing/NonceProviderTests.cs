using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Signing;

public sealed class NonceProviderTests
{
    [Fact]
    public async Task Next_ConcurrentCallsWithinOneMillisecond_AreUniqueAndIncreasing()
    {
        var time = new FixedTime(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var nonces = new NonceProvider(time);
        var bag = new System.Collections.Concurrent.ConcurrentBag<long>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                bag.Add(nonces.Next());
            }
        })));

        Assert.Equal(8000, bag.Distinct().Count());
        Assert.Equal(1_700_000_000_000, bag.Min());
        Assert.Equal(1_700_000_007_999, bag.Max());
    }

    [Fact]
    public void Next_ClockAhead_FastForwardsToClock()
    {
        var time = new FixedTime(DateTimeOffset.FromUnixTimeMilliseconds(1000));
        var nonces = new NonceProvider(time);
        Assert.Equal(1000, nonces.Next());
        Assert.Equal(1001, nonces.Next());

        time.Now = DateTimeOffset.FromUnixTimeMilliseconds(5000);

        Assert.Equal(5000, nonces.Next());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
