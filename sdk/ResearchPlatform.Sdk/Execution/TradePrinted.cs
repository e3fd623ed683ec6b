namespace ResearchPlatform.Sdk.Execution;

/// <summary>Market data: a public trade; <paramref name="AggressorSide"/> is the taker's side.</summary>
public sealed record TradePrinted(string Symbol, DateTimeOffset Timestamp, decimal Price, decimal Quantity, OrderSide AggressorSide)
    : MarketDataEvent(Symbol, Timestamp);
