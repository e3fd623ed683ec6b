namespace ResearchPlatform.Sdk.Execution;

/// <summary>
/// One funding payment the venue booked on the account: at <paramref name="Time"/> (the venue's funding time) the
/// account's position of <paramref name="PositionQuantity"/> in <paramref name="Symbol"/> received
/// <paramref name="Amount"/> (quote currency; negative = paid) at <paramref name="Rate"/>.
/// </summary>
public sealed record AccountFundingPayment(string Symbol, DateTimeOffset Time, decimal PositionQuantity, decimal Rate, decimal Amount);
