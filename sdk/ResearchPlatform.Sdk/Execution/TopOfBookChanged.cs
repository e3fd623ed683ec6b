namespace ResearchPlatform.Sdk.Execution;

/// <summary>Market data: best bid and ask changed.</summary>
public sealed record TopOfBookChanged(string Symbol, DateTimeOffset Timestamp, decimal BidPrice, decimal BidQuantity, decimal AskPrice, decimal AskQuantity)
    : MarketDataEvent(Symbol, Timestamp);
