using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Sdk.Tests.Execution;

public sealed class ExchangeExceptionTests
{
    [Theory]
    [InlineData(ExchangeErrorKind.Timeout, true, true)]
    [InlineData(ExchangeErrorKind.ServerError, true, true)]
    [InlineData(ExchangeErrorKind.RateLimited, true, false)]
    [InlineData(ExchangeErrorKind.Rejected, false, false)]
    [InlineData(ExchangeErrorKind.NotFound, false, false)]
    public void Kind_Classification_TransientAndAmbiguous(ExchangeErrorKind kind, bool transient, bool ambiguous)
    {
        var ex = new ExchangeException(kind, "x");

        Assert.Equal((transient, ambiguous), (ex.IsTransient, ex.IsAmbiguous));
    }

    [Fact]
    public void RetryAfter_RateLimited_Kept()
    {
        var ex = new ExchangeException(ExchangeErrorKind.RateLimited, "429", TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        Assert.Equal("429", ex.Message);
    }
}
