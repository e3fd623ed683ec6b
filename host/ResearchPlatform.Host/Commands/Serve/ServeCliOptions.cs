using System.CommandLine;

namespace ResearchPlatform.Host.Commands.Serve;

/// <summary>The options of <c>rp serve</c>.</summary>
internal sealed class ServeCliOptions
{
    public Option<int> Port { get; } = new("--port") { Description = "TCP port (0 = any free port; the URL is printed)", DefaultValueFactory = _ => 5000 };

    public Option<string> Bind { get; } = new("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };

    public Option<string?> Mode { get; } = new Option<string?>("--mode") { Description = "paper (simulated venue, default) or live" }.AcceptOnlyFromAmong("paper", "live");

    public Option<string?> Config { get; } = new("--config") { Description = "JSON settings file (sections TradingSystem, Connections)" };

    public Option<string?> Replay { get; } = new("--replay") { Description = "Stored symbol the paper engine replays in the background, e.g. BTC/USDT" };

    public Option<string> ReplayInterval { get; } = new("--replay-interval") { Description = "Interval of the replayed bars", DefaultValueFactory = _ => "1h" };

    public Option<string> ReplaySpeed { get; } = new("--replay-speed") { Description = "Nx (N x real time: 36000x replays 10 one-hour bars per second) or max", DefaultValueFactory = _ => "36000x" };

    public Option<int> DecisionEvery { get; } = new("--decision-every") { Description = "Ask a RISK_ADJUSTMENT decision every N replayed bars (0 = never)", DefaultValueFactory = _ => 24 };

    public Option<string?> Plugins { get; } = Cli.CommonOptions.PluginsOption();

    public Option<string?> Rules { get; } = new("--rules") { Description = "Decision rules folder (default ./rules, else the rules beside rp)" };

    public Option<string?> Exchange { get; } = new Option<string?>("--exchange") { Description = "--mode live: the exchange plugin to trade through (hyperliquid)" }.AcceptOnlyFromAmong("hyperliquid");

    public Option<string> Network { get; } = new Option<string>("--network") { Description = "--mode live: testnet (default) or mainnet signatures", DefaultValueFactory = _ => "testnet" }.AcceptOnlyFromAmong("testnet", "mainnet");

    public Option<string?> VenueUrl { get; } = new("--venue-url") { Description = "--mode live: the venue's API base URL (default the network's Hyperliquid API; a local venue: rp venue serve)" };

    public Option<string?> KeyFile { get; } = new("--key-file") { Description = "--mode live: signing key file (owner-only, chmod 600); default the environment variable RP_HYPERLIQUID_PRIVATE_KEY" };

    public Option<string> Coin { get; } = new("--coin") { Description = "--mode live: coin to trade (default BTC)", DefaultValueFactory = _ => "BTC" };

    public Option<string> Interval { get; } = new("--interval") { Description = "--mode live: candle interval of the venue's stream (default 1h)", DefaultValueFactory = _ => "1h" };

    public Option<bool> Mainnet { get; } = new("--i-understand-this-is-mainnet") { Description = "--mode live: allow a mainnet URL or --network mainnet (real money)" };

    public IEnumerable<Option> All => [Port, Bind, Mode, Config, Replay, ReplayInterval, ReplaySpeed, DecisionEvery, Plugins, Rules, Exchange, Network, VenueUrl, KeyFile, Coin, Interval, Mainnet];
}
