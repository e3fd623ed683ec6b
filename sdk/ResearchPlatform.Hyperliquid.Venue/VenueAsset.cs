namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>A perp the venue lists: coin name, size decimals and the starting price of its synthetic series.</summary>
public sealed record VenueAsset(string Coin, int SzDecimals, decimal StartPrice, int MaxLeverage = 50);
