using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Signing;
using ResearchPlatform.Hyperliquid.Venue;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Venue;

/// <summary>
/// <c>rp venue serve --port N [--fault-profile FILE] [--account 0x..]... [--key-file F] [--network testnet|mainnet]
/// [--interval 1h] [--history N] [--step-ms MS] [--duration S]</c>: a local Hyperliquid venue on 127.0.0.1 (REST /info,
/// /exchange, WebSocket /ws) over the simulated matching engine, verifying every signature. Runs until Ctrl+C or
/// --duration; prints its URL on stdout.
/// </summary>
public static class VenueCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = a free one)", DefaultValueFactory = _ => 3001 };
        var faults = new Option<string?>("--fault-profile") { Description = "JSON fault profile: latency_ms, latency_jitter_ms, rate_429, rate_5xx, ws_drop_every_ms, out_of_order_rate, seed" };
        var accounts = new Option<string[]>("--account") { Description = "Account address that exists on the venue (repeatable)", AllowMultipleArgumentsPerToken = false };
        var keyFile = new Option<string?>("--key-file") { Description = "Also register the address of this key (owner-only file); the key itself is not used" };
        var network = new Option<string>("--network") { Description = "Signatures accepted: testnet (source b) or mainnet (source a)", DefaultValueFactory = _ => "testnet" }
            .AcceptOnlyFromAmong("testnet", "mainnet");
        var interval = new Option<string>("--interval") { Description = "Candle interval of the synthetic prices", DefaultValueFactory = _ => "1h" };
        var history = new Option<int>("--history") { Description = "Synthetic candles before now (candleSnapshot history)", DefaultValueFactory = _ => 2000 };
        var stepMs = new Option<int>("--step-ms") { Description = "Real milliseconds between live candles (0 = prices never move)", DefaultValueFactory = _ => 1000 };
        var duration = new Option<int?>("--duration") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
        var prices = new Option<string>("--prices") { Description = "synthetic (seeded random walk, default) or a bar file (freqtrade JSON, CSV, Parquet) replayed for --prices-coin", DefaultValueFactory = _ => "synthetic" };
        var pricesCoin = new Option<string>("--prices-coin") { Description = "Coin whose candles --prices FILE replays (default BTC)", DefaultValueFactory = _ => "BTC" };
        var speed = new Option<string?>("--speed") { Description = "Live candles at N x real time (e.g. 3600x: one 1h candle per second); overrides --step-ms" };
        var serve = new Command("serve", "Serve a local Hyperliquid venue (signature-verifying) on 127.0.0.1")
        {
            port, faults, accounts, keyFile, network, interval, history, stepMs, duration, prices, pricesCoin, speed,
        };
        serve.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var options = Options(parse, port, faults, accounts, keyFile, network, interval, history, stepMs);
            options = VenuePrices.Apply(options, parse.GetValue(prices)!, parse.GetValue(pricesCoin)!, parse.GetValue(speed), ct);
            await using var venue = await LocalVenue.StartAsync(options, ct);
            output.Line(venue.BaseUrl.ToString().TrimEnd('/'));
            output.Info($"venue: {options.Network.ToString().ToLowerInvariant()} signatures, {options.Accounts.Count} account(s), assets {string.Join(", ", options.Assets.Select(a => a.Coin))}; Ctrl+C to stop");
            try
            {
                await Task.Delay(parse.GetValue(duration) is { } s ? TimeSpan.FromSeconds(s) : Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
            }

            output.Info(string.Create(CultureInfo.InvariantCulture,
                $"venue stopped: {venue.Requests} requests, {venue.BadSignatures} bad signatures, {venue.BadNonces} bad nonces, {venue.RateLimited} rate limited, {venue.InjectedFaults} injected faults"));
            return ExitCodes.Ok;
        }));
        var cmd = new Command("venue", "Local exchange venues for offline trading and tests");
        cmd.Subcommands.Add(serve);
        return cmd;
    }

    private static LocalVenueOptions Options(ParseResult parse, Option<int> port, Option<string?> faults, Option<string[]> accounts, Option<string?> keyFile,
        Option<string> network, Option<string> interval, Option<int> history, Option<int> stepMs)
    {
        var list = new List<string>();
        foreach (var a in parse.GetValue(accounts) ?? [])
        {
            if (a.Length != 42 || !a.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !a[2..].All(Uri.IsHexDigit))
            {
                throw new BadInputException($"--account '{a}' is not a 0x-prefixed 20-byte address");
            }

            list.Add(a.ToLowerInvariant());
        }

        if (parse.GetValue(keyFile) is { } file)
        {
            try
            {
                using var key = KeyLoader.FromFile(file);
                list.Add(key.Address);
            }
            catch (KeyLoadException e)
            {
                throw new BadInputException(e.Message);
            }
        }

        FaultProfile profile;
        try
        {
            profile = parse.GetValue(faults) is { } path ? FaultProfile.Load(path) : FaultProfile.None;
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            throw new BadInputException(e.Message);
        }

        if (!BarInterval.TryParse(parse.GetValue(interval), out var bar, out var error))
        {
            throw new BadInputException("--interval: " + error);
        }

        var p = parse.GetValue(port);
        if (p is < 0 or > 65535)
        {
            throw new BadInputException($"--port {p} is out of range");
        }

        var step = parse.GetValue(stepMs);
        return new LocalVenueOptions
        {
            Port = p,
            Network = parse.GetValue(network) == "mainnet" ? HyperliquidNetwork.Mainnet : HyperliquidNetwork.Testnet,
            Accounts = list,
            Faults = profile,
            CandleInterval = bar.Duration,
            HistoryBars = Math.Max(1, parse.GetValue(history)),
            StepPeriod = step > 0 ? TimeSpan.FromMilliseconds(step) : null,
        };
    }
}
