namespace ResearchPlatform.Sdk.Execution;

/// <summary>Market data: a candle completed.</summary>
public sealed record CandleClosed(Candle Candle, DateTimeOffset Timestamp) : MarketDataEvent(Candle.Symbol, Timestamp);
