using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Signing;
using ResearchPlatform.Plugins.Hyperliquid.Config;
using ResearchPlatform.Plugins.Hyperliquid.Exchange;
using ResearchPlatform.Plugins.Hyperliquid.Info;
using ResearchPlatform.Hyperliquid.RateLimits;
using ResearchPlatform.Plugins.Hyperliquid.Rest;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid;

/// <summary>
/// What the adapter's parts share: options, the REST client, the asset directory (loaded once from meta + spotMeta),
/// the signer (key loaded on first signed call, never earlier), client-id maps and the fan-out of locally produced
/// execution events (e.g. OrderModified) to every open execution stream.
/// </summary>
internal sealed class AdapterContext
{
    private readonly Lock _assetsGate = new();
    private readonly Lock _signerGate = new();
    private readonly ConcurrentDictionary<string, string> _clientIdByCloid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> _clientIdByOid = new();
    private readonly ConcurrentDictionary<Channel<ExecutionEvent>, byte> _listeners = new();
    private readonly HyperliquidPrivateKey? _key;
    private Task<AssetDirectory>? _assets;
    private ExchangeSigner? _signer;

    public AdapterContext(HyperliquidOptions options, HttpClient http, TimeProvider time, HyperliquidPrivateKey? key)
    {
        Options = options;
        Time = time;
        _key = key;
        Rest = new HyperliquidRestClient(http, new WeightedRateLimiter(options.RateLimitWeight, options.RateLimitWindow, time), time,
            options.MaxRetries, options.BackoffInitial, options.BackoffMax, options.RequestTimeout);
    }

    public HyperliquidOptions Options { get; }

    public TimeProvider Time { get; }

    public HyperliquidRestClient Rest { get; }

    /// <summary>The signer; loads the key from the key file or environment variable on first use.</summary>
    public ExchangeSigner Signer
    {
        get
        {
            lock (_signerGate)
            {
                return _signer ??= new ExchangeSigner(_key ?? LoadKey(), new NonceProvider(Time), Options.Network, Options.VaultAddress);
            }
        }
    }

    /// <summary>The account queried by /info: the configured account, else the signer's address.</summary>
    public string Account => Options.AccountAddress ?? Options.VaultAddress ?? Signer.SignerAddress;

    public Task<AssetDirectory> AssetsAsync(CancellationToken cancellationToken)
    {
        lock (_assetsGate)
        {
            if (_assets is null || _assets.IsFaulted || _assets.IsCanceled)
            {
                _assets = LoadAssetsAsync(cancellationToken);
            }

            return _assets;
        }
    }

    private async Task<AssetDirectory> LoadAssetsAsync(CancellationToken cancellationToken)
    {
        var meta = await Rest.InfoAsync(new JsonObject { ["type"] = "meta" }, cancellationToken) ?? throw new ExchangeException(ExchangeErrorKind.ServerError, "empty meta");
        var spot = await Rest.InfoAsync(new JsonObject { ["type"] = "spotMeta" }, cancellationToken);
        return new AssetDirectory(meta, spot);
    }

    public void Remember(string clientOrderId, string cloid, long? oid)
    {
        _clientIdByCloid[cloid] = clientOrderId;
        if (oid is { } o)
        {
            _clientIdByOid[o] = clientOrderId;
        }
    }

    /// <summary>The Sdk client order id for an exchange order: remembered id, else the cloid, else the oid.</summary>
    public string ClientIdOf(string? cloid, long oid) =>
        cloid is not null && _clientIdByCloid.TryGetValue(cloid, out var byCloid) ? byCloid
        : _clientIdByOid.TryGetValue(oid, out var byOid) ? byOid
        : cloid ?? oid.ToString(CultureInfo.InvariantCulture);

    public Channel<ExecutionEvent> Listen()
    {
        var channel = Channel.CreateUnbounded<ExecutionEvent>();
        _listeners[channel] = 0;
        return channel;
    }

    public void Unlisten(Channel<ExecutionEvent> channel) => _listeners.TryRemove(channel, out _);

    public void Publish(ExecutionEvent e)
    {
        foreach (var listener in _listeners.Keys)
        {
            listener.Writer.TryWrite(e);
        }
    }

    private HyperliquidPrivateKey LoadKey()
    {
        try
        {
            return Options.KeyFile is { } file ? KeyLoader.FromFile(file)
                : KeyLoader.FromEnvironment(Options.KeyEnvironmentVariable)
                  ?? throw new KeyLoadException($"no signing key: set key_file or the environment variable {Options.KeyEnvironmentVariable}");
        }
        catch (KeyLoadException e)
        {
            throw new ExchangeException(ExchangeErrorKind.Rejected, "Hyperliquid: " + e.Message);
        }
    }
}
