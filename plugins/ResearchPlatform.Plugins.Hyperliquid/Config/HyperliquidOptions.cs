using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Config;

/// <summary>Adapter configuration. Build it with <see cref="HyperliquidSettings.Parse"/>.</summary>
internal sealed record HyperliquidOptions
{
    public static readonly Uri MainnetUrl = new("https://api.hyperliquid.xyz");
    public static readonly Uri TestnetUrl = new("https://api.hyperliquid-testnet.xyz");

    public HyperliquidNetwork Network { get; init; } = HyperliquidNetwork.Testnet;

    /// <summary>REST base; /info and /exchange are appended.</summary>
    public Uri BaseUrl { get; init; } = TestnetUrl;

    /// <summary>WebSocket URL; default: the base URL with ws(s):// and /ws.</summary>
    public Uri? WebSocketUrl { get; init; }

    /// <summary>The account (master or sub-account) whose state is queried; default: the signing key's address.</summary>
    public string? AccountAddress { get; init; }

    /// <summary>Vault or sub-account address put into signed actions, or null.</summary>
    public string? VaultAddress { get; init; }

    /// <summary>Key file (owner-only permissions) with the signing key (account or API wallet).</summary>
    public string? KeyFile { get; init; }

    /// <summary>Environment variable holding the signing key when no key file is set.</summary>
    public string KeyEnvironmentVariable { get; init; } = ResearchPlatform.Hyperliquid.Keys.KeyLoader.DefaultEnvironmentVariable;

    /// <summary>Client-side REST budget: weight per window (exchange default 1,200 per minute).</summary>
    public int RateLimitWeight { get; init; } = 1200;

    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Retries after HTTP 429 (exponential backoff from <see cref="BackoffInitial"/>).</summary>
    public int MaxRetries { get; init; } = 5;

    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>WebSocket heartbeat period (the server drops a silent client after 60 s).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Slippage for market orders (IOC limit at mid +- this fraction) and market triggers.</summary>
    public decimal MarketSlippage { get; init; } = 0.05m;

    /// <summary>Candle interval of <c>StreamMarketDataAsync</c>.</summary>
    public string StreamCandleInterval { get; init; } = "1m";

    public Uri EffectiveWebSocketUrl => WebSocketUrl ?? new UriBuilder(BaseUrl)
    {
        Scheme = BaseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        Path = BaseUrl.AbsolutePath.TrimEnd('/') + "/ws",
    }.Uri;
}
