using System.CommandLine;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Paper;

/// <summary>The options of <c>rp paper</c>.</summary>
internal sealed class PaperCliOptions
{
    public Option<string> Mode { get; } = new Option<string>("--mode") { Description = "replay (ACCELERATED_REPLAY), validate (BACKTEST_VALIDATION: kernel vs replay), simulation (SIMULATION: seeded synthetic market) or testnet (LIVE_TESTNET: the Hyperliquid adapter against --venue-url)", DefaultValueFactory = _ => "replay" }
        .AcceptOnlyFromAmong("replay", "validate", "simulation", "testnet");

    public Option<string?> Symbol { get; } = new("--symbol") { Description = "Stored symbol (with --interval), e.g. BTC/USDT" };

    public Option<string?> Interval { get; } = new("--interval") { Description = "Stored interval, e.g. 1h" };

    public Option<string?> Data { get; } = new("--data") { Description = "Replay a bar file (freqtrade JSON, CSV, Parquet)" };

    public Option<string?> Strategies { get; } = new("--strategies") { Description = "RUN_ID:topN: the first N of an evolution run's hall of fame" };

    public Option<string?> Seed { get; } = new("--seed") { Description = "Seed type id (instead of --strategies)" };

    public Option<string[]> Genes { get; } = new("--gene") { Description = "Gene value name=value (repeatable, with --seed)", AllowMultipleArgumentsPerToken = false };

    public Option<string> Speed { get; } = new("--speed") { Description = "max (default: as fast as possible) or Nx (N x real time, e.g. 3600x)", DefaultValueFactory = _ => "max" };

    public Option<string?> From { get; } = new("--from") { Description = "First bar (ISO-8601, UTC)" };

    public Option<string?> To { get; } = new("--to") { Description = "Bars opening before this time (ISO-8601, UTC)" };

    public Option<decimal> Cash { get; } = new("--cash") { Description = "Starting cash per strategy", DefaultValueFactory = _ => 10_000m };

    public Option<string> Size { get; } = new Option<string>("--size") { Description = "fraction (default: of equity at the decision close), fixed-units, risk (risk genome sizer)", DefaultValueFactory = _ => "fraction" }
        .AcceptOnlyFromAmong("fraction", "fixed-units", "risk");

    public Option<decimal> Units { get; } = new("--units") { Description = "Units at full target for --size fixed-units", DefaultValueFactory = _ => 1m };

    public Option<string?> Risk { get; } = new Option<string?>("--risk") { Description = "default (risk manager with the default genome) or none; default: default for replay, none for validate" }
        .AcceptOnlyFromAmong("default", "none");

    public Option<decimal> SlippageBps { get; } = new("--slippage-bps") { Description = "Venue slippage on taker fills, bps (default 1)", DefaultValueFactory = _ => 1m };

    public Option<decimal> ImpactBps { get; } = new("--impact-bps") { Description = "Venue impact, bps x fill / bar volume (default 10)", DefaultValueFactory = _ => 10m };

    public Option<decimal> Participation { get; } = new("--participation") { Description = "Largest share of a bar's volume filled per strategy, (0, 1] (default 0.1)", DefaultValueFactory = _ => 0.1m };

    public Option<bool> Json { get; } = CommonOptions.JsonOption();

    public Option<int> SeedMarket { get; } = new("--seed-market") { Description = "--mode simulation: seed of the synthetic market (regime-switching GBM with jumps; same seed, same bars)", DefaultValueFactory = _ => 1 };

    public Option<int> BarCount { get; } = new("--bars") { Description = "--mode simulation: bars to generate (default 2000; --interval sets their length, default 1h); --mode testnet: closed live candles to trade", DefaultValueFactory = _ => 2000 };

    public Option<decimal> FundingRate { get; } = new("--funding-rate") { Description = "Perp funding rate per hour paid by longs (e.g. 0.0000125 = 0.01 % per 8 h); default 0", DefaultValueFactory = _ => 0m };

    public Option<string?> Funding { get; } = new("--funding") { Description = "Funding rates from data: a Hyperliquid fundingHistory JSON or a CSV time,rate file, or 'hyperliquid' to fetch the window's fundingHistory once from --venue-url (hourly; applied by the simulated venue, reported as funding)" };

    public Option<string?> Resume { get; } = new("--resume") { Description = "Reopen a session that did not complete (crash, kill): SESSION_ID; bars, strategies and options come from the session" };

    public Option<bool> NoAlerts { get; } = Alerts.CliAlerting.NoAlertsOption();

    public Option<string?> FearGreed { get; } = RiskEvolution.RiskMarketInputs.FearGreedOption();

    public Option<string?> VenueUrl { get; } = new("--venue-url") { Description = "--mode testnet: the venue's API base URL (default the Hyperliquid testnet; a local venue: rp venue serve); --funding hyperliquid: where the rates come from (default the mainnet API, read-only)" };

    public Option<string?> KeyFile { get; } = new("--key-file") { Description = "--mode testnet: signing key file (owner-only, chmod 600); default the environment variable RP_HYPERLIQUID_PRIVATE_KEY" };

    public Option<string> Coin { get; } = new("--coin") { Description = "--mode testnet: coin to trade (default BTC); --funding hyperliquid: coin of the rates (default from the bars' symbol)", DefaultValueFactory = _ => "BTC" };

    public Option<string?> Duration { get; } = new("--duration") { Description = "--mode testnet: stop after this wall-clock time (e.g. 90s, 10m, 2h) instead of --bars" };

    public Option<bool> Mainnet { get; } = new("--i-understand-this-is-mainnet") { Description = "--mode testnet: allow a mainnet URL or --network mainnet (real money)" };

    public Option<string> Network { get; } = new Option<string>("--network") { Description = "--mode testnet: signatures for testnet (default) or mainnet", DefaultValueFactory = _ => "testnet" }
        .AcceptOnlyFromAmong("testnet", "mainnet");

    public Option<bool> NoVenueStops { get; } = new("--no-venue-stops") { Description = "Do not place the risk genome's stop-loss / take-profit as reduce-only trigger orders at the venue (placed by default with --risk default)" };

    public Option<bool> NoTrailingStop { get; } = new("--no-trailing-stop") { Description = "Do not trail the venue stop by the risk genome's trailing_stop_pct (trailed by default with venue stops: the stop order is modified as the best price moves)" };

    public IEnumerable<Option> All => [NoAlerts, FearGreed, Mode, Symbol, Interval, Data, Strategies, Seed, Genes, Speed, From, To, Cash, Size, Units, Risk, SlippageBps, ImpactBps, Participation, Json, Resume, SeedMarket, BarCount, FundingRate,
        VenueUrl, KeyFile, Coin, Duration, Mainnet, Network, Funding, NoVenueStops, NoTrailingStop];
}
