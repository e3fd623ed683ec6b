namespace ResearchPlatform.Sdk.Execution;

/// <summary>
/// An optional capability of an <see cref="IExchangeAdapter"/> that lists perpetual funding rates: hosts test for it
/// (<c>adapter is IFundingHistorySource</c>), so adapters without funding keep compiling and working unchanged (Sdk 1.1).
/// </summary>
public interface IFundingHistorySource
{
    /// <summary>
    /// The funding rates of <paramref name="symbol"/> with funding time in [<paramref name="from"/>, <paramref name="to"/>),
    /// oldest first, each time once (the adapter pages through the venue's history).
    /// </summary>
    /// <exception cref="ExchangeException">The venue failed or is unreachable.</exception>
    ValueTask<IReadOnlyList<FundingRateSample>> GetFundingHistoryAsync(string symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
