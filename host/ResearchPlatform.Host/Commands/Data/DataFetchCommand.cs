using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Hyperliquid;
using ResearchPlatform.Sdk.Data;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Data;

/// <summary>
/// <c>rp data fetch hyperliquid --coin BTC --interval 1h [--days N] [--symbol S] [--testnet] [--base-url URL] [--json]</c>:
/// pages candleSnapshot (at most 5,000 candles per request, only the latest 5,000 exist on the exchange) through the
/// Hyperliquid plugin and upserts the bars into the workspace's DuckDB (symbol default "COIN/USDC:USDC").
/// </summary>
internal static class DataFetchCommand
{
    public static Command Create(CommonOptions common)
    {
        var coin = new Option<string>("--coin") { Description = "Coin name on the exchange, e.g. BTC", Required = true };
        var interval = new Option<string>("--interval") { Description = "Candle interval (1m ... 1d)", DefaultValueFactory = _ => "1h" };
        var days = new Option<int>("--days") { Description = "How many days back from now", DefaultValueFactory = _ => 30 };
        var symbol = new Option<string?>("--symbol") { Description = "Stored symbol (default COIN/USDC:USDC)" };
        var testnet = new Option<bool>("--testnet") { Description = "Use the testnet API" };
        var baseUrl = new Option<string?>("--base-url") { Description = "API base URL (e.g. a local venue http://127.0.0.1:3001)" };
        var json = CommonOptions.JsonOption();
        var hyperliquid = new Command("hyperliquid", "Fetch Hyperliquid candles (candleSnapshot) into the workspace")
        {
            coin, interval, days, symbol, testnet, baseUrl, json,
        };
        hyperliquid.SetAction(CommandRunner.Wrap((parse, output, ct) => MapErrors(async () =>
        {
            var bar = ParseInterval(parse.GetValue(interval), "--interval")!.Value;
            var n = parse.GetValue(days);
            if (n <= 0)
            {
                throw new BadInputException($"--days must be positive, not {n}");
            }

            var settings = new Dictionary<string, string> { ["network"] = parse.GetValue(testnet) ? "testnet" : "mainnet" };
            if (parse.GetValue(baseUrl) is { } url)
            {
                settings["base_url"] = url;
            }

            var to = TimeProvider.System.GetUtcNow();
            var from = to - TimeSpan.FromDays(n);
            var name = parse.GetValue(coin)!;
            output.Info($"fetching {name} {bar} candles from {Iso(from)} ...");
            using var plugin = HyperliquidPlugin.Open(settings);
            var candles = await plugin.Adapter.GetCandlesAsync(name, bar, from, to, ct);
            var series = new BarSeries(
                parse.GetValue(symbol) ?? name + "/USDC:USDC",
                bar,
                [.. candles.Select(c => c.OpenTime.ToUnixTimeMilliseconds())],
                [.. candles.Select(c => (double)c.Open)],
                [.. candles.Select(c => (double)c.High)],
                [.. candles.Select(c => (double)c.Low)],
                [.. candles.Select(c => (double)c.Close)],
                [.. candles.Select(c => (double)c.Volume)]);
            using var db = OpenDatabase(parse, common);
            var r = new BarStore(db).Import(series, "hyperliquid:" + settings["network"], ct: ct);
            if (parse.GetValue(json))
            {
                output.WriteJson(new { symbol = r.Symbol, interval = r.Interval.Code, bars = r.Rows, inserted = r.Inserted, updated = r.Updated, first = Iso(r.First), last = Iso(r.Last), gaps = r.Gaps.Gaps.Select(ToJson).ToList() });
            }
            else
            {
                output.KeyValues(
                [
                    ("symbol", r.Symbol), ("interval", r.Interval.Code), ("bars", N(r.Rows)), ("inserted", N(r.Inserted)), ("updated", N(r.Updated)),
                    ("first", Iso(r.First) ?? "-"), ("last", Iso(r.Last) ?? "-"), ("gaps", r.Gaps.Gaps.Count.ToString(CultureInfo.InvariantCulture)),
                ]);
            }

            return ExitCodes.Ok;
        })));
        return new Command("fetch", "Fetch market data from an exchange API into the workspace") { hyperliquid };
    }
}
