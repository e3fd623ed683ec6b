namespace ResearchPlatform.Plugins.Hyperliquid.Info;

/// <summary>One tradable asset: the coin name used by /info and WebSocket, its asset id and size decimals.</summary>
internal sealed record AssetInfo(string Coin, int AssetId, int SzDecimals, bool IsSpot, int MaxLeverage);
