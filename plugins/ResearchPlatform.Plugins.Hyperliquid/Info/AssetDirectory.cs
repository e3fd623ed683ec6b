using System.Text.Json.Nodes;
using ResearchPlatform.Sdk.Execution;
using ResearchPlatform.Hyperliquid.Wire;

namespace ResearchPlatform.Plugins.Hyperliquid.Info;

/// <summary>
/// Asset ids from meta (perp id = index in universe, delisted entries kept) and spotMeta (spot id = 10000 + pair index,
/// szDecimals of the base token). Lookups by coin ("BTC", "PURR/USDC", "@107"), by pair name and by asset id.
/// </summary>
internal sealed class AssetDirectory
{
    private readonly Dictionary<string, AssetInfo> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, AssetInfo> _byId = [];

    public AssetDirectory(JsonNode meta, JsonNode? spotMeta)
    {
        var universe = Json.Arr(meta, "universe");
        for (var i = 0; i < universe.Count; i++)
        {
            var u = universe[i];
            Add(new AssetInfo(Json.Str(u, "name"), i, Json.Int(u, "szDecimals"), false, u?["maxLeverage"] is null ? 1 : Json.Int(u, "maxLeverage")), null);
        }

        if (spotMeta is null)
        {
            return;
        }

        var tokens = Json.Arr(spotMeta, "tokens");
        foreach (var pair in Json.Arr(spotMeta, "universe"))
        {
            var index = Json.Int(pair, "index");
            var baseToken = tokens.FirstOrDefault(t => Json.Int(t, "index") == Json.Int(pair?["tokens"]?.AsArray(), 0));
            var quoteToken = tokens.FirstOrDefault(t => Json.Int(t, "index") == Json.Int(pair?["tokens"]?.AsArray(), 1));
            var name = Json.Str(pair, "name");
            var info = new AssetInfo(name, 10_000 + index, baseToken is null ? 0 : Json.Int(baseToken, "szDecimals"), true, 1);
            var alias = baseToken is null || quoteToken is null ? null : Json.Str(baseToken, "name") + "/" + Json.Str(quoteToken, "name");
            Add(info, alias);
        }
    }

    public IEnumerable<AssetInfo> All => _byId.Values.OrderBy(a => a.AssetId);

    public bool TryGet(string coinOrPair, out AssetInfo info) => _byName.TryGetValue(coinOrPair, out info!);

    public AssetInfo Get(string coinOrPair) =>
        TryGet(coinOrPair, out var info) ? info : throw new ExchangeException(ExchangeErrorKind.Rejected, $"unknown Hyperliquid asset '{coinOrPair}'");

    public AssetInfo? ById(int assetId) => _byId.GetValueOrDefault(assetId);

    /// <summary>The venue rules as an Sdk instrument: lot 10^-szDecimals, tick 10^-(6|8 - szDecimals), $10 minimum.</summary>
    public static InstrumentSpec ToSpec(AssetInfo a)
    {
        var lot = Pow10(-a.SzDecimals);
        var tick = Pow10(-WireFormat.MaxPriceDecimals(a.SzDecimals, a.IsSpot));
        return new InstrumentSpec(a.Coin, tick, lot, lot, 1_000_000_000m, 10m);
    }

    private static decimal Pow10(int exponent)
    {
        var v = 1m;
        for (var i = 0; i < -exponent; i++)
        {
            v /= 10m;
        }

        return v;
    }

    private void Add(AssetInfo info, string? alias)
    {
        _byId[info.AssetId] = info;
        _byName.TryAdd(info.Coin, info);
        if (alias is not null)
        {
            _byName.TryAdd(alias, info);
        }
    }
}
