namespace ResearchPlatform.Sdk.Execution;

/// <summary>One OHLCV candle on the money path (decimal), opening at <paramref name="OpenTime"/>.</summary>
public sealed record Candle(string Symbol, DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
