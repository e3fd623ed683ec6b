namespace ResearchPlatform.Sdk.Execution;

/// <summary>
/// An optional capability of an <see cref="IExchangeAdapter"/> that lists the funding the venue charged the adapter's
/// account: hosts test for it (<c>adapter is IFundingPaymentSource</c>), so adapters without it keep compiling and
/// working unchanged (Sdk 1.1, like <see cref="IFundingHistorySource"/>).
/// </summary>
public interface IFundingPaymentSource
{
    /// <summary>
    /// The account's funding payments (every symbol) with funding time in [<paramref name="from"/>, <paramref name="to"/>),
    /// oldest first, each once (the adapter pages through the venue's history).
    /// </summary>
    /// <exception cref="ExchangeException">The venue failed or is unreachable.</exception>
    ValueTask<IReadOnlyList<AccountFundingPayment>> GetFundingPaymentsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
