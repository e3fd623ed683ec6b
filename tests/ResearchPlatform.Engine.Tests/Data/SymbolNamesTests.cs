using ResearchPlatform.Engine.Data;

namespace ResearchPlatform.Engine.Tests.Data;

public sealed class SymbolNamesTests
{
    [Theory]
    [InlineData("/d/BTC_USDT-1h.json", "BTC/USDT")]
    [InlineData("ETH_USDT-15m.json.gz", "ETH/USDT")]
    [InlineData("BTC_USDT_USDT-1h-futures.json", "BTC/USDT:USDT")]
    [InlineData("AVAXUSDT-1m-2023-02.csv", "AVAX/USDT")]
    [InlineData("NEARUSDT-1m-2023-04.zip", "NEAR/USDT")]
    [InlineData("BTCUSD_1d_candles_full.csv", "BTC/USD")]
    [InlineData("EURUSD.csv", "EUR/USD")]
    [InlineData("GOOG.csv", "GOOG")]
    [InlineData("coinbase_daily_btcusd_trade.csv", null)]
    [InlineData("2006-day-001.txt", null)]
    public void FromFileName_KnownLayouts_GiveTheSymbol(string path, string? expected) =>
        Assert.Equal(expected, SymbolNames.FromFileName(path));
}
