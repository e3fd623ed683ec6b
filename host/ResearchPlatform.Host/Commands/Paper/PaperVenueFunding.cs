using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Hyperliquid;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Host.Commands.Paper;

/// <summary>
/// <c>rp paper --funding hyperliquid [--venue-url URL] [--coin C]</c>: the session's funding rates fetched once from the
/// venue's fundingHistory through the Hyperliquid adapter (plugin, <see cref="IFundingHistorySource"/>), for the bars'
/// window, then stored in the session options like rates from a file (so <c>--resume</c> uses the identical rates).
/// Funding history is public read-only data: the default URL is the Hyperliquid mainnet API and no key is needed.
/// </summary>
internal static class PaperVenueFunding
{
    public const string Source = "hyperliquid";
    private const string MainnetUrl = "https://api.hyperliquid.xyz";

    public static bool Requested(ParseResult parse, PaperCliOptions o) =>
        string.Equals(parse.GetValue(o.Funding), Source, StringComparison.OrdinalIgnoreCase);

    public static async Task<PaperOptions> FetchAsync(ParseResult parse, PaperCliOptions o, PaperOptions options, BarSeries bars, CliOutput output, CancellationToken ct)
    {
        var text = parse.GetValue(o.VenueUrl) ?? MainnetUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new BadInputException($"--venue-url: '{text}' is not an http(s) URL");
        }

        var coin = parse.GetResult(o.Coin) is { Implicit: false } ? parse.GetValue(o.Coin)! : CoinOf(bars.Symbol);
        var from = bars.TimeAt(0);
        var to = bars.TimeAt(bars.Count - 1) + bars.Interval.Duration;
        var settings = new Dictionary<string, string>
        {
            ["base_url"] = url.ToString().TrimEnd('/'),
            ["max_retries"] = "2",
            ["backoff_initial_ms"] = "200",
        };
        using var plugin = HyperliquidPlugin.Open(settings);
        if (plugin.Adapter is not IFundingHistorySource history)
        {
            throw new BadInputException("--funding hyperliquid: the loaded Hyperliquid adapter does not serve funding history (plugin older than Sdk 1.1)");
        }

        output.Info(string.Create(CultureInfo.InvariantCulture, $"funding: fetching {coin} fundingHistory {from:yyyy-MM-dd HH:mm} .. {to:yyyy-MM-dd HH:mm} from {url}"));
        IReadOnlyList<FundingRateSample> rates;
        try
        {
            rates = await history.GetFundingHistoryAsync(coin, from, to, ct);
        }
        catch (Exception e) when (e is ExchangeException or HttpRequestException or SocketException or FormatException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new BadInputException($"--funding hyperliquid: {url} is unreachable or did not answer fundingHistory for {coin} ({e.Message})", e);
        }

        if (rates.Count == 0)
        {
            throw new BadInputException(string.Create(CultureInfo.InvariantCulture, $"--funding hyperliquid: {url} has no funding rates of {coin} in {from:O} .. {to:O} (give --coin, or use --funding FILE)"));
        }

        var points = FundingRateFile.Normalize(rates.Select(r => new FundingRatePoint(r.Time, r.Rate)));
        output.Info(string.Create(CultureInfo.InvariantCulture, $"funding: {points.Count:N0} hourly rates of {coin}, mean {points.Average(p => p.Rate):0.##########} per hour (stored with the session)"));
        var withRates = options with { FundingRates = points };
        var problems = withRates.Validate();
        return problems.Count > 0 ? throw new BadInputException("--funding hyperliquid: " + string.Join("; ", problems)) : withRates;
    }

    /// <summary>The exchange's coin for a bar symbol: BTC/USDT, BTC_USDT, BTC-USD and BTCUSDT all give BTC.</summary>
    internal static string CoinOf(string symbol)
    {
        var cut = symbol.IndexOfAny(['/', '_', '-', ':']);
        var coin = cut > 0 ? symbol[..cut] : symbol;
        foreach (var quote in new[] { "USDT", "USDC", "USD" })
        {
            if (cut <= 0 && coin.Length > quote.Length && coin.EndsWith(quote, StringComparison.OrdinalIgnoreCase))
            {
                return coin[..^quote.Length].ToUpperInvariant();
            }
        }

        return coin.ToUpperInvariant();
    }
}
