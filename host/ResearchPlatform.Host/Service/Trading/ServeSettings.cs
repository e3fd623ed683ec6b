using ResearchPlatform.Host.Lifecycle;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>What <c>rp serve</c> was asked to run.</summary>
internal sealed record ServeSettings
{
    public required string WorkspaceRoot { get; init; }

    public TradingMode Mode { get; init; } = TradingMode.Paper;

    /// <summary>Symbol whose stored bars the paper engine replays; null = no replay (engines idle).</summary>
    public string? ReplaySymbol { get; init; }

    public string ReplayInterval { get; init; } = "1h";

    /// <summary>N x real time (a 1h bar takes 1h / N); null = as fast as possible.</summary>
    public double? ReplaySpeed { get; init; } = 36_000;

    public decimal CashPerStrategy { get; init; } = 10_000m;

    /// <summary>A RISK_ADJUSTMENT decision is asked every this many replayed bars (0 = never).</summary>
    public int DecisionEveryBars { get; init; } = 24;

    public string? PluginsFolder { get; init; }

    public string? RulesFolder { get; init; }

    /// <summary>The venue <c>--mode live</c> trades (null in paper mode).</summary>
    public ServeLiveVenue? Live { get; init; }

    public string DatabasePath => Path.Combine(WorkspaceRoot, Cli.Workspace.DatabaseFileName);

    public string JournalFolder => Path.Combine(WorkspaceRoot, "serve", "journal");

    /// <summary>The state snapshot of the paper session (written atomically; read at start to restore).</summary>
    public string SnapshotPath => Path.Combine(WorkspaceRoot, "serve", "state.json");
}

/// <summary>The exchange of <c>rp serve --mode live</c>: plugin, network, URL, key file (null = the environment variable), coin and candle interval.</summary>
internal sealed record ServeLiveVenue(string Exchange, string Network, Uri Url, string? KeyFile, string Coin, string Interval, string Signer);
