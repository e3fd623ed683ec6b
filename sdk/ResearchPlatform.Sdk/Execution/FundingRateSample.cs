namespace ResearchPlatform.Sdk.Execution;

/// <summary>
/// One perpetual funding rate: at <paramref name="Time"/> a position of quantity q at mark price p receives
/// <c>-q x p x Rate</c> (longs pay a positive rate, shorts receive it). <paramref name="Premium"/> is the venue's premium
/// component when it reports one (0 otherwise).
/// </summary>
public sealed record FundingRateSample(string Symbol, DateTimeOffset Time, decimal Rate, decimal Premium);
