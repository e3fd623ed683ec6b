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

    public IEnumerable<Option> All => [Port, Bind, Mode, Config, Replay, ReplayInterval, ReplaySpeed, DecisionEvery, Plugins, Rules];
}
