using System.Text.RegularExpressions;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// Derives a symbol from a market-data file name when none is given: freqtrade's <c>BTC_USDT-1h.json</c> → BTC/USDT
/// (futures <c>BTC_USDT_USDT-1h-futures.json</c> → BTC/USDT:USDT), Binance's <c>AVAXUSDT-1m-2023-02.csv</c> → AVAX/USDT,
/// <c>BTCUSD_1d_candles.csv</c> → BTC/USD, and an all-capitals stem such as <c>EURUSD.csv</c> → EUR/USD or <c>GOOG.csv</c>
/// → GOOG. Returns null when the name says nothing reliable.
/// </summary>
public static partial class SymbolNames
{
    private static readonly string[] Quotes = ["FDUSD", "USDT", "USDC", "BUSD", "TUSD", "DAI", "USD", "EUR", "GBP", "JPY", "TRY", "BTC", "ETH", "BNB"];

    /// <summary>The symbol implied by <paramref name="path"/>'s file name, or null.</summary>
    public static string? FromFileName(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var ext in new[] { ".gz", ".zip" })
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^ext.Length];
            }
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        var m = FreqtradeName().Match(stem);
        if (m.Success)
        {
            var symbol = m.Groups["base"].Value + "/" + m.Groups["quote"].Value;
            return m.Groups["settle"].Success ? symbol + ":" + m.Groups["settle"].Value : symbol;
        }

        m = PairWithInterval().Match(stem);
        if (m.Success)
        {
            return SplitPair(m.Groups["pair"].Value.ToUpperInvariant());
        }

        return CapitalStem().IsMatch(stem) ? SplitPair(stem) : null;
    }

    /// <summary>Splits a concatenated pair on a known quote currency: BTCUSDT → BTC/USDT; unknown stays as is.</summary>
    public static string SplitPair(string pair)
    {
        foreach (var q in Quotes)
        {
            if (pair.Length > q.Length + 1 && pair.EndsWith(q, StringComparison.Ordinal))
            {
                return pair[..^q.Length] + "/" + q;
            }
        }

        return pair;
    }

    [GeneratedRegex(@"^(?<base>[A-Z0-9]+)_(?<quote>[A-Z0-9]+)(_(?<settle>[A-Z0-9]+))?-\d+[smhdwM](-(futures|spot|mark|index|premiumIndex|funding_rate))?$")]
    private static partial Regex FreqtradeName();

    [GeneratedRegex(@"^(?<pair>[A-Za-z0-9]{4,})[-_]\d+[smhdw]([-_].*)?$")]
    private static partial Regex PairWithInterval();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]{1,11}$")]
    private static partial Regex CapitalStem();
}
