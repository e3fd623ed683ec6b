using System.Globalization;
using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Config;

/// <summary>
/// Settings (snake_case keys) for <see cref="HyperliquidAdapter"/>: network (mainnet|testnet), base_url, ws_url,
/// account, vault, key_file, key_env, rate_limit_weight, rate_limit_window_ms, max_retries, backoff_initial_ms,
/// ping_seconds, market_slippage, candle_interval. Without a setting, environment variables RP_HYPERLIQUID_&lt;KEY&gt;
/// (upper case) are used. Keys are never settings: only where to read them.
/// </summary>
internal static class HyperliquidSettings
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "network", "base_url", "ws_url", "account", "vault", "key_file", "key_env", "rate_limit_weight",
        "rate_limit_window_ms", "max_retries", "backoff_initial_ms", "ping_seconds", "market_slippage", "candle_interval",
    ];

    public static HyperliquidOptions FromEnvironment() => Parse(new Dictionary<string, string>());

    public static HyperliquidOptions Parse(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var key in settings.Keys.Where(k => !Keys.Contains(k)))
        {
            throw new ArgumentException($"unknown Hyperliquid setting '{key}' (known: {string.Join(", ", Keys)})", nameof(settings));
        }

        string? Get(string key) => settings.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim()
            : Environment.GetEnvironmentVariable("RP_HYPERLIQUID_" + key.ToUpperInvariant()) is { Length: > 0 } e ? e.Trim() : null;

        var network = Get("network")?.ToUpperInvariant() switch
        {
            null or "TESTNET" => HyperliquidNetwork.Testnet,
            "MAINNET" => HyperliquidNetwork.Mainnet,
            var other => throw new ArgumentException($"setting 'network' must be mainnet or testnet, not '{other}'", nameof(settings)),
        };
        var defaults = new HyperliquidOptions();
        return new HyperliquidOptions
        {
            Network = network,
            BaseUrl = Url(Get("base_url"), "base_url") ?? (network == HyperliquidNetwork.Mainnet ? HyperliquidOptions.MainnetUrl : HyperliquidOptions.TestnetUrl),
            WebSocketUrl = Url(Get("ws_url"), "ws_url"),
            AccountAddress = Address(Get("account"), "account"),
            VaultAddress = Address(Get("vault"), "vault"),
            KeyFile = Get("key_file"),
            KeyEnvironmentVariable = Get("key_env") ?? defaults.KeyEnvironmentVariable,
            RateLimitWeight = Int(Get("rate_limit_weight"), "rate_limit_weight") ?? defaults.RateLimitWeight,
            RateLimitWindow = Int(Get("rate_limit_window_ms"), "rate_limit_window_ms") is { } w ? TimeSpan.FromMilliseconds(w) : defaults.RateLimitWindow,
            MaxRetries = Int(Get("max_retries"), "max_retries") ?? defaults.MaxRetries,
            BackoffInitial = Int(Get("backoff_initial_ms"), "backoff_initial_ms") is { } b ? TimeSpan.FromMilliseconds(b) : defaults.BackoffInitial,
            PingInterval = Int(Get("ping_seconds"), "ping_seconds") is { } p ? TimeSpan.FromSeconds(p) : defaults.PingInterval,
            MarketSlippage = Get("market_slippage") is { } s ? decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture) : defaults.MarketSlippage,
            StreamCandleInterval = Get("candle_interval") ?? defaults.StreamCandleInterval,
        };
    }

    private static Uri? Url(string? text, string key) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri
        : throw new ArgumentException($"setting '{key}' is not an absolute URL: '{text}'", nameof(text));

    private static int? Int(string? text, string key) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v
        : throw new ArgumentException($"setting '{key}' must be a non-negative integer, not '{text}'", nameof(text));

    private static string? Address(string? text, string key)
    {
        if (text is null)
        {
            return null;
        }

        var ok = text.Length == 42 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text[2..].All(Uri.IsHexDigit);
        return ok ? text.ToLowerInvariant() : throw new ArgumentException($"setting '{key}' must be a 0x-prefixed 20-byte address", nameof(text));
    }
}
