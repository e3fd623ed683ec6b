using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Live;
using ResearchPlatform.Engine.Paper.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Hyperliquid;
using ResearchPlatform.Host.Seeds;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Paper.Testnet;

/// <summary>
/// <c>rp paper --mode testnet --venue-url URL [--key-file F] [--coin BTC] (--seed ID --gene .. | --strategies RUN:topN)
/// [--interval 1h] [--bars N | --duration T] [--json]</c> (LIVE_TESTNET): the strategies trade through the Hyperliquid
/// adapter loaded from the plugin catalog, exactly as live trading would, on the same path as a replay (signal ->
/// sizer -> risk -> order manager with its journal -> adapter -> venue). The session, its journals and orders are
/// stored like any paper session; <c>--resume</c> reconnects, replays the journals and reconciles by client order id.
/// </summary>
internal static class TestnetPaper
{
    public static async Task<int> RunAsync(ParseResult parse, PaperCliOptions o, CommonOptions common, CliOutput output, ISeedCatalog catalog, CancellationToken ct)
    {
        if (parse.GetValue(o.Funding) is not null)
        {
            throw new BadInputException("--funding: in --mode testnet the venue charges funding itself (rp venue serve: its hourly schedule); drop --funding");
        }

        var options = PaperInputs.Options(parse, o, validate: false);
        var strategies = PaperInputs.Strategies(parse, o, common, catalog, output);
        var interval = ParseInterval(parse.GetValue(o.Interval), "--interval") ?? BarInterval.Parse("1h");
        var duration = parse.GetValue(o.Duration) is { } text ? ParseDuration(text) : (TimeSpan?)null;
        var bars = parse.GetResult(o.BarCount) is { Implicit: false } || duration is null ? parse.GetValue(o.BarCount) : 0;
        if (bars < 0 || (bars == 0 && duration is null))
        {
            throw new BadInputException($"--bars must be positive, not {bars}");
        }

        var network = parse.GetValue(o.Network) ?? "testnet";
        var url = HyperliquidVenueAccess.VenueUrl(parse.GetValue(o.VenueUrl), network, parse.GetValue(o.Mainnet), "paper testnet");
        var keyFile = parse.GetValue(o.KeyFile);
        var coin = parse.GetValue(o.Coin) ?? "BTC";
        var settings = new LivePaperSettings { Symbol = coin, Interval = interval, Bars = bars, Duration = duration };
        using var plugin = HyperliquidVenueAccess.Open(network, url, keyFile, interval, output.Info);
        var adapter = new CloidMappedAdapter(plugin.Adapter);
        var market = await PrepareAsync(adapter, settings, url, ct);
        var now = TimeProvider.System.GetUtcNow();
        var sessionId = string.Create(CultureInfo.InvariantCulture, $"paper-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        var source = new TestnetSource(network, url, coin, keyFile, market.StartPosition, duration);
        using var db = OpenDatabase(parse, common);
        var store = new PaperSessionStore(db, TimeProvider.System);
        store.Begin(sessionId, "testnet", coin, interval.Code, source.ToString(), market.FirstLiveOpen, market.FirstLiveOpen + (interval.Duration * Math.Max(bars, 1)), bars, strategies, options);
        settings = settings with { FirstLiveCandle = open => store.UpdateWindow(sessionId, open, open + (interval.Duration * Math.Max(bars, 1))) };
        output.Info($"paper testnet: session {sessionId} on {url} ({network}), {strategies.Count} strateg{(strategies.Count == 1 ? "y" : "ies")}, {coin} {interval.Code}, {(bars > 0 ? bars.ToString(CultureInfo.InvariantCulture) + " bars" : "for " + duration)}");
        return await TradeAsync(sessionId, adapter, market, settings, strategies, options, store, source, parse.GetValue(o.Json), output, ct);
    }

    public static async Task<int> ResumeAsync(StoredPaperSession session, PaperSessionStore store, ParseResult parse, PaperCliOptions o, CliOutput output, ISeedCatalog catalog, CancellationToken ct)
    {
        var source = TestnetSource.Parse(session.DataSource);
        var keyFile = parse.GetValue(o.KeyFile) ?? source.KeyFile;
        var strategies = session.Strategies.Select(s => new PaperStrategy(s.Name, catalog.TryGetSeedType(s.Seed, out var seed) ? seed : throw new BadInputException($"--resume: the session's seed '{s.Seed}' is not loaded"), s.Genes)).ToList();
        var interval = BarInterval.Parse(session.Interval);
        var settings = new LivePaperSettings { Symbol = session.Symbol, Interval = interval, Bars = session.Bars, Duration = source.Duration, FirstLiveOpen = session.From };
        using var plugin = HyperliquidVenueAccess.Open(source.Network, source.Url, keyFile, interval, output.Info);
        var adapter = new CloidMappedAdapter(plugin.Adapter);
        var market = await PrepareAsync(adapter, settings, source.Url, ct);
        market = market with { StartPosition = source.StartPosition };
        output.Info($"paper resume: session {session.SessionId} (testnet) on {source.Url}, {strategies.Count} strateg{(strategies.Count == 1 ? "y" : "ies")}, {session.Symbol} {interval.Code}");
        return await TradeAsync(session.SessionId, adapter, market, settings, strategies, session.Options, store, source, parse.GetValue(o.Json), output, ct);
    }

    private static async Task<int> TradeAsync(string sessionId, CloidMappedAdapter adapter, LiveMarket market, LivePaperSettings settings, IReadOnlyList<PaperStrategy> strategies,
        PaperOptions options, PaperSessionStore store, TestnetSource source, bool json, CliOutput output, CancellationToken ct)
    {
        var prefix = "T" + sessionId[^6..];
        PaperSessionResult result;
        try
        {
            result = await LivePaperEngine.RunAsync(sessionId, adapter, market, settings, strategies, options, i =>
            {
                var journal = store.JournalFor(sessionId, i);
                foreach (var id in journal.ReadAll().Select(e => e.ClientOrderId).Distinct(StringComparer.Ordinal))
                {
                    adapter.Register(id);
                }

                return (journal, string.Create(CultureInfo.InvariantCulture, $"{prefix}S{i + 1}"));
            }, output.Info, ct);
        }
        catch (PaperInputException ex)
        {
            store.CloseJournals();
            throw new BadInputException(ex.Message, ex);
        }
        catch
        {
            store.CloseJournals();
            throw;
        }

        var report = PaperReport.Build("testnet", source.ToString(), result, null);
        store.Complete(result, JsonSerializer.Serialize(report, CliOutput.Json));
        if (json)
        {
            output.WriteJson(report);
        }
        else
        {
            PaperReport.Print(output, "testnet", result, null);
            foreach (var s in result.Strategies)
            {
                var r = s.Reconciliation!;
                output.Info(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Strategy.Name}: journal vs venue {(r.Agrees ? "agree" : "DISAGREE: " + string.Join("; ", r.Problems))} ({r.OrdersChecked} orders, position {r.JournalPosition} / venue {r.VenuePosition}, net PnL {r.JournalNetPnl:F4} / {r.VenueNetPnl:F4})"));
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<LiveMarket> PrepareAsync(IExchangeAdapter adapter, LivePaperSettings settings, Uri url, CancellationToken ct)
    {
        try
        {
            return await LivePaperEngine.PrepareAsync(adapter, settings, ct);
        }
        catch (PaperInputException e)
        {
            throw new BadInputException(e.Message, e);
        }
        catch (Exception e) when (e is ExchangeException or HttpRequestException or SocketException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new BadInputException($"--venue-url {url}: the venue is unreachable or not a Hyperliquid API ({e.Message})", e);
        }
    }

    private static TimeSpan ParseDuration(string text)
    {
        var unit = text.Length > 0 ? text[^1] : ' ';
        var scale = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        return scale > 0 && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v)
            ? TimeSpan.FromSeconds(v * scale)
            : throw new BadInputException($"--duration: '{text}' is not a time like 90s, 10m or 2h");
    }
}
