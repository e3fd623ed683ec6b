namespace ResearchPlatform.Hyperliquid.RateLimits;

/// <summary>The exchange's documented REST weights (spec section 11).</summary>
public static class RequestWeights
{
    private static readonly HashSet<string> Light = new(StringComparer.Ordinal)
    {
        "l2Book", "allMids", "clearinghouseState", "orderStatus", "spotClearinghouseState", "exchangeStatus",
    };

    private static readonly HashSet<string> PerTwentyItems = new(StringComparer.Ordinal)
    {
        "recentTrades", "historicalOrders", "userFills", "userFillsByTime", "fundingHistory", "userFunding",
        "nonUserFundingUpdates", "twapHistory", "userTwapSliceFills", "userTwapSliceFillsByTime", "delegatorHistory",
        "delegatorRewards", "validatorStats",
    };

    /// <summary>Weight of an info request before its response: 2, 20 or 60 (userRole).</summary>
    public static int Info(string type) => Light.Contains(type) ? 2 : type == "userRole" ? 60 : 20;

    /// <summary>Extra weight once the response is known: per 20 items (fills etc.) or per 60 candles.</summary>
    public static int InfoExtra(string type, int items) =>
        PerTwentyItems.Contains(type) ? items / 20 : type == "candleSnapshot" ? items / 60 : 0;

    /// <summary>Weight of an exchange request: 1 + floor(batch length / 40).</summary>
    public static int Exchange(int batchLength) => 1 + (batchLength / 40);
}
