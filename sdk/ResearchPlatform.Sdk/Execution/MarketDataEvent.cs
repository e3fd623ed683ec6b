namespace ResearchPlatform.Sdk.Execution;

/// <summary>A market-data update: <see cref="CandleClosed"/>, <see cref="TradePrinted"/> or <see cref="TopOfBookChanged"/>.</summary>
public abstract record MarketDataEvent(string Symbol, DateTimeOffset Timestamp);
