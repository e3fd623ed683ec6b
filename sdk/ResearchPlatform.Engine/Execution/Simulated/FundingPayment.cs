namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>
/// One funding payment of the simulated venue: at <paramref name="Time"/> the position <paramref name="Quantity"/>
/// (signed) paid <c>-Amount</c> = quantity x <paramref name="MarkPrice"/> x <paramref name="Rate"/> (negative
/// <paramref name="Amount"/> = paid, positive = received).
/// </summary>
internal sealed record FundingPayment(string Symbol, DateTimeOffset Time, decimal Quantity, decimal MarkPrice, decimal Rate, decimal Amount);
