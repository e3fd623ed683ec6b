using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Plugins.Hyperliquid.Config;
using ResearchPlatform.Plugins.Hyperliquid.Exchange;
using ResearchPlatform.Plugins.Hyperliquid.Info;
using ResearchPlatform.Plugins.Hyperliquid.Streams;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;
using SdkCandle = ResearchPlatform.Sdk.Execution.Candle;

namespace ResearchPlatform.Plugins.Hyperliquid;

/// <summary>
/// The Hyperliquid exchange adapter (contract <c>exchange:hyperliquid</c>). The plugin loader creates it with the
/// parameterless constructor (settings from RP_HYPERLIQUID_* environment variables, nothing loaded or connected);
/// hosts call <see cref="Configure"/> with settings (see <see cref="HyperliquidSettings"/>). Symbols are the exchange's
/// coin names: perps "BTC", spot "PURR/USDC" or "@107". Client order ids map to cloids (see <see cref="Cloids"/>).
/// </summary>
public sealed class HyperliquidAdapter : IConfigurableExchangeAdapter, IFundingHistorySource, IFundingPaymentSource
{
    private const int CandlesPerRequest = 5000;
    private const int FundingPerRequest = 500;
    private const int FillsPerRequest = 2000;
    private readonly AdapterContext _context;
    private readonly OrderOperations _orders;

    /// <summary>Unconfigured: settings from the environment; used by the plugin loader.</summary>
    public HyperliquidAdapter()
        : this(HyperliquidSettings.FromEnvironment(), null, TimeProvider.System, null)
    {
    }

    internal HyperliquidAdapter(HyperliquidOptions options, HttpMessageHandler? handler, TimeProvider time, HyperliquidPrivateKey? key)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(options.BaseUrl.ToString().TrimEnd('/') + "/");
        http.Timeout = Timeout.InfiniteTimeSpan;
        _context = new AdapterContext(options, http, time, key);
        _orders = new OrderOperations(_context);
    }

    /// <inheritdoc />
    public string VenueId => "hyperliquid";

    internal AdapterContext Context => _context;

    /// <inheritdoc />
    public IExchangeAdapter Configure(IReadOnlyDictionary<string, string> settings) =>
        new HyperliquidAdapter(HyperliquidSettings.Parse(settings), null, TimeProvider.System, null);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        [.. (await _context.AssetsAsync(cancellationToken)).All.Select(AssetDirectory.ToSpec)];

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Balance>> GetBalancesAsync(CancellationToken cancellationToken)
    {
        var perp = await InfoAsync(new JsonObject { ["type"] = "clearinghouseState", ["user"] = _context.Account, ["dex"] = "" }, cancellationToken);
        var spot = await InfoAsync(new JsonObject { ["type"] = "spotClearinghouseState", ["user"] = _context.Account }, cancellationToken);
        return [InfoParsers.PerpBalance(perp), .. InfoParsers.SpotBalances(spot)];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) =>
        InfoParsers.Positions(await InfoAsync(new JsonObject { ["type"] = "clearinghouseState", ["user"] = _context.Account, ["dex"] = "" }, cancellationToken));

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken)
    {
        var orders = await InfoAsync(new JsonObject { ["type"] = "frontendOpenOrders", ["user"] = _context.Account, ["dex"] = "" }, cancellationToken) as JsonArray ?? [];
        return [.. orders
            .Select(o => InfoParsers.Order(o, null, Json.Ms(o, "timestamp"), _context.ClientIdOf))
            .Where(o => symbol is null || o.Symbol == symbol)];
    }

    /// <inheritdoc />
    public async ValueTask<OrderAck> PlaceOrderAsync(SubmitOrder order, CancellationToken cancellationToken) =>
        await _orders.PlaceAsync(order, cancellationToken);

    /// <inheritdoc />
    public async ValueTask CancelOrderAsync(CancelOrder cancel, CancellationToken cancellationToken) =>
        await _orders.CancelAsync(cancel, cancellationToken);

    /// <inheritdoc />
    public async ValueTask ModifyOrderAsync(ModifyOrder modify, CancellationToken cancellationToken) =>
        await _orders.ModifyAsync(modify, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<VenueOrder?> GetOrderByClientIdAsync(string symbol, string clientOrderId, CancellationToken cancellationToken)
    {
        var cloid = Cloids.FromClientOrderId(clientOrderId);
        var response = await InfoAsync(new JsonObject { ["type"] = "orderStatus", ["user"] = _context.Account, ["oid"] = cloid }, cancellationToken);
        _context.Remember(clientOrderId, cloid, null);
        return InfoParsers.OrderStatus(response, _context.ClientIdOf);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OrderFilled>> GetFillsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var result = new List<OrderFilled>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = since.ToUnixTimeMilliseconds();
        while (true)
        {
            var page = await InfoAsync(new JsonObject { ["type"] = "userFillsByTime", ["user"] = _context.Account, ["startTime"] = start }, cancellationToken) as JsonArray ?? [];
            var fills = page.Select(f => InfoParsers.Fill(f, _context.ClientIdOf)).Where(f => seen.Add(f.FillId)).ToList();
            result.AddRange(fills);
            if (page.Count < FillsPerRequest || fills.Count == 0)
            {
                break;
            }

            start = fills.Max(f => f.Timestamp).ToUnixTimeMilliseconds();
        }

        return [.. result.OrderBy(f => f.Timestamp)];
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ExecutionEvent> StreamExecutionEventsAsync(CancellationToken cancellationToken) =>
        new ExecutionStream(_context).RunAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SdkCandle>> GetCandlesAsync(string symbol, BarInterval interval, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await PageByTimeAsync(
            (start, end) => new JsonObject { ["type"] = "candleSnapshot", ["req"] = new JsonObject { ["coin"] = symbol, ["interval"] = interval.Code, ["startTime"] = start, ["endTime"] = end } },
            InfoParsers.Candle, c => c.OpenTime, CandlesPerRequest, interval.Milliseconds, from, to, cancellationToken);

    /// <summary>
    /// info <c>fundingHistory</c> (hourly rates; the exchange returns at most 500 per request, so the window is paged by
    /// time: the next request starts 1 ms after the newest rate of the previous page).
    /// </summary>
    public async ValueTask<IReadOnlyList<FundingRateSample>> GetFundingHistoryAsync(string symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await PageByTimeAsync(
            (start, end) => new JsonObject { ["type"] = "fundingHistory", ["coin"] = symbol, ["startTime"] = start, ["endTime"] = end },
            InfoParsers.FundingRate, r => r.Time, FundingPerRequest, 1, from, to, cancellationToken);

    /// <summary>
    /// info <c>userFunding</c> for the account (at most 500 per response; every symbol's payment of one funding hour
    /// carries the same time, so the next page starts AT the newest time and repeats are dropped by symbol and time).
    /// </summary>
    public async ValueTask<IReadOnlyList<AccountFundingPayment>> GetFundingPaymentsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = new List<AccountFundingPayment>();
        var seen = new HashSet<(string, DateTimeOffset)>();
        var start = from.ToUnixTimeMilliseconds();
        var end = to.ToUnixTimeMilliseconds() - 1;
        while (start <= end)
        {
            var page = await InfoAsync(new JsonObject { ["type"] = "userFunding", ["user"] = _context.Account, ["startTime"] = start, ["endTime"] = end }, cancellationToken) as JsonArray ?? [];
            var items = page.Select(InfoParsers.FundingPayment).Where(p => p.Time >= from && p.Time < to).ToList();
            var added = items.Where(p => seen.Add((p.Symbol, p.Time))).ToList();
            result.AddRange(added);
            if (page.Count < FundingPerRequest || added.Count == 0)
            {
                break;
            }

            start = items.Max(p => p.Time).ToUnixTimeMilliseconds();
        }

        return [.. result.OrderBy(p => p.Time)];
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MarketDataEvent> StreamMarketDataAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken) =>
        new MarketDataStream(_context).RunAsync(symbols, cancellationToken);

    /// <summary>updateLeverage for a perp.</summary>
    public async Task UpdateLeverageAsync(string symbol, int leverage, bool isCross, CancellationToken cancellationToken) =>
        await _orders.SendAsync(ActionBuilder.UpdateLeverage((await _context.AssetsAsync(cancellationToken)).Get(symbol).AssetId, isCross, leverage), cancellationToken);

    /// <summary>updateIsolatedMargin: add (positive) or remove (negative) USD margin.</summary>
    public async Task UpdateIsolatedMarginAsync(string symbol, decimal usd, CancellationToken cancellationToken) =>
        await _orders.SendAsync(ActionBuilder.UpdateIsolatedMargin((await _context.AssetsAsync(cancellationToken)).Get(symbol).AssetId, true, usd), cancellationToken);

    /// <summary>scheduleCancel (dead man's switch) at <paramref name="at"/>, or removes it when null.</summary>
    public Task ScheduleCancelAsync(DateTimeOffset? at, CancellationToken cancellationToken) =>
        _orders.SendAsync(ActionBuilder.ScheduleCancel(at?.ToUnixTimeMilliseconds()), cancellationToken);

    /// <summary>
    /// Items with time in [<paramref name="from"/>, <paramref name="to"/>), oldest first, each once: pages of at most
    /// <paramref name="pageSize"/>, the next page starting <paramref name="stepMs"/> after the newest item of the last one.
    /// </summary>
    private async Task<List<T>> PageByTimeAsync<T>(Func<long, long, JsonObject> request, Func<JsonNode?, T> parse, Func<T, DateTimeOffset> time, int pageSize, long stepMs,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        var start = from.ToUnixTimeMilliseconds();
        var end = to.ToUnixTimeMilliseconds() - 1;
        while (start <= end)
        {
            var page = await InfoAsync(request(start, end), cancellationToken) as JsonArray ?? [];
            var items = page.Select(parse).Where(x => time(x) >= from && time(x) < to).ToList();
            result.AddRange(items.Where(x => result.Count == 0 || time(x) > time(result[^1])));
            if (page.Count < pageSize || items.Count == 0)
            {
                break;
            }

            start = items.Max(time).ToUnixTimeMilliseconds() + stepMs;
        }

        return result;
    }

    private Task<JsonNode?> InfoAsync(JsonObject request, CancellationToken cancellationToken) => _context.Rest.InfoAsync(request, cancellationToken);
}
