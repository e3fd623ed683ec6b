using ResearchPlatform.Engine.Execution.Retry;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Retry;

public sealed class ExchangeRetryPipelineTests
{
    private static readonly ExchangeRetryOptions Options = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(1000), Seed = 3 };

    [Fact]
    public void NextDelay_Backoff_ExponentialWithEqualJitterAndCap()
    {
        var p = new ExchangeRetryPipeline(Options, TimeProvider.System);
        var timeout = new ExchangeException(ExchangeErrorKind.Timeout, "t");
        double[] caps = [100, 200, 400, 800, 1000, 1000];

        for (var attempt = 0; attempt < caps.Length; attempt++)
        {
            var ms = p.NextDelay(attempt, timeout).TotalMilliseconds;
            Assert.InRange(ms, caps[attempt] / 2, caps[attempt]);
        }
    }

    [Fact]
    public void NextDelay_SameSeed_SameSequence()
    {
        var a = new ExchangeRetryPipeline(Options, TimeProvider.System);
        var b = new ExchangeRetryPipeline(Options, TimeProvider.System);
        var c = new ExchangeRetryPipeline(Options with { Seed = 4 }, TimeProvider.System);
        var e = new ExchangeException(ExchangeErrorKind.ServerError, "5xx");

        var sa = Enumerable.Range(0, 5).Select(i => a.NextDelay(i, e)).ToList();
        var sb = Enumerable.Range(0, 5).Select(i => b.NextDelay(i, e)).ToList();
        var sc = Enumerable.Range(0, 5).Select(i => c.NextDelay(i, e)).ToList();

        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, sc);
    }

    [Fact]
    public void NextDelay_RetryAfter_HonouredEvenAboveCap()
    {
        var p = new ExchangeRetryPipeline(Options, TimeProvider.System);

        Assert.Equal(TimeSpan.FromSeconds(7), p.NextDelay(0, new ExchangeException(ExchangeErrorKind.RateLimited, "429", TimeSpan.FromSeconds(7))));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryField()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ExchangeRetryPipeline(
            new ExchangeRetryOptions { MaxRetryAttempts = -1, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(-1) }, TimeProvider.System));

        Assert.Contains("max_retry_attempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("base_delay", ex.Message, StringComparison.Ordinal);
        Assert.Contains("max_delay", ex.Message, StringComparison.Ordinal);
    }
}
