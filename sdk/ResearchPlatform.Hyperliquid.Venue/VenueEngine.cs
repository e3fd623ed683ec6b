using System.Globalization;
using System.Text.Json.Nodes;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Sdk.Execution;
using SdkCandle = ResearchPlatform.Sdk.Execution.Candle;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// The venue's state behind one lock: listed assets and their candle history, accounts (each with a SimulatedVenue),
/// agents, nonces; price steps that match every account's orders; translation of matching-engine events into the
/// exchange's order updates and fills, published on the WebSocket hub.
/// </summary>
internal sealed class VenueEngine
{
    private readonly LocalVenueOptions _options;
    private readonly TimeProvider _time;
    private readonly PriceFeed _feed;
    private readonly Dictionary<string, List<SdkCandle>> _history = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VenueAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _agents = new(StringComparer.Ordinal);
    private readonly NonceBook _nonces = new();
    private DateTimeOffset _nextOpen;
    private long _nextOid = 1_000_000, _nextTid = 1;

    public VenueEngine(LocalVenueOptions options, TimeProvider time, WebSocketHub hub)
    {
        _options = options;
        _time = time;
        Hub = hub;
        _feed = new PriceFeed(options);
        Funding = new FundingSchedule(options.FundingRate, options.FundingAmplitude, options.Seed);
        var intervalTicks = options.CandleInterval.Ticks;
        var now = time.GetUtcNow();
        _nextOpen = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % intervalTicks), TimeSpan.Zero) - (options.CandleInterval * options.HistoryBars);
        foreach (var a in options.Assets)
        {
            _history[a.Coin] = [];
        }

        for (var i = 0; i < options.HistoryBars; i++)
        {
            AppendCandles();
        }

        foreach (var account in options.Accounts)
        {
            AddAccount(account);
        }
    }

    public Lock Gate { get; } = new();

    public WebSocketHub Hub { get; }

    public IReadOnlyList<VenueAsset> Assets => _options.Assets;

    public LocalVenueOptions Options => _options;

    public TimeProvider Time => _time;

    public IReadOnlyDictionary<string, List<SdkCandle>> History => _history;

    /// <summary>The hourly funding rates the venue charges on open positions and serves as fundingHistory.</summary>
    public FundingSchedule Funding { get; }

    /// <summary>The venue's clock for funding: the open time of the newest candle (candles may run ahead of the wall clock).</summary>
    public DateTimeOffset LatestOpen => _nextOpen - _options.CandleInterval;

    public decimal Last(string coin) => _feed.Last(coin);

    public VenueAsset? AssetById(long id) => id >= 0 && id < _options.Assets.Count ? _options.Assets[(int)id] : null;

    public int AssetIdOf(string coin) => _options.Assets.ToList().FindIndex(a => a.Coin == coin);

    public VenueAccount AddAccount(string address)
    {
        var key = address.ToLowerInvariant();
        if (!_accounts.TryGetValue(key, out var account))
        {
            var instruments = _options.Assets.Select(a => new InstrumentSpec(a.Coin, Pow10(-(6 - a.SzDecimals)), Pow10(-a.SzDecimals), Pow10(-a.SzDecimals), 1_000_000_000m, 0m)).ToList();
            var sim = new SimulatedVenue(new SimulatedVenueOptions { Instruments = instruments, StartingCash = _options.StartingCash, LatencyFixed = TimeSpan.Zero, LatencyJitter = TimeSpan.Zero, FundingSchedule = Funding.RateAt }, _time);
            account = new VenueAccount(key, sim);
            _accounts[key] = account;
            foreach (var coin in _history.Keys.Where(c => _history[c].Count > 0))
            {
                sim.ProcessCandle(_history[coin][^1]);
            }
        }

        return account;
    }

    public VenueAccount? Account(string? address) => address is null ? null : _accounts.GetValueOrDefault(address.ToLowerInvariant());

    /// <summary>The account a signer acts for (itself or the master of an approved agent), or null.</summary>
    public VenueAccount? AccountOfSigner(string signer) =>
        _accounts.GetValueOrDefault(signer) ?? (_agents.TryGetValue(signer, out var master) ? _accounts.GetValueOrDefault(master) : null);

    public void ApproveAgent(string master, string agent) => _agents[agent.ToLowerInvariant()] = master;

    public string? UseNonce(string signer, long nonce) => _nonces.TryUse(signer, nonce, _time.GetUtcNow());

    public long NextOid() => ++_nextOid;

    /// <summary>One live candle per asset: matches every account and publishes market data.</summary>
    public void Step()
    {
        var candles = AppendCandles();
        foreach (var account in _accounts.Values)
        {
            foreach (var c in candles)
            {
                account.Sim.ProcessCandle(c);
            }

            Drain(account);
        }

        PublishMarketData(candles);
    }

    /// <summary>Matches one account's orders against the current price at once (immediate execution on placement).</summary>
    public void Touch(VenueAccount account, string coin)
    {
        var last = _history[coin][^1];
        var price = _feed.Last(coin);
        account.Sim.ProcessCandle(new SdkCandle(coin, last.OpenTime, price, price, price, price, last.Volume));
        Drain(account);
    }

    /// <summary>Applies pending matching-engine events of an account to its records and publishes them.</summary>
    public void Drain(VenueAccount account)
    {
        while (account.Sim.TryReadEvent(out var e))
        {
            if (e is null || !account.OidByInternalId.TryGetValue(e.ClientOrderId, out var oid) || !account.ByOid.TryGetValue(oid, out var record))
            {
                continue;
            }

            var ms = e.Timestamp.ToUnixTimeMilliseconds();
            switch (e)
            {
                case OrderFilled f:
                    OnFill(account, record, f);
                    break;
                case OrderCanceled c when record.IsOpen:
                    SetStatus(account, record, c.Reason.StartsWith("IOC", StringComparison.Ordinal) && record.Sz == record.OrigSz ? "iocCancelRejected" : "canceled", ms);
                    break;
                case OrderRejected when record.IsOpen:
                    SetStatus(account, record, "rejected", ms);
                    break;
            }
        }

        foreach (var p in account.Sim.TakeFundingPayments())
        {
            account.Funding.Add(new JsonObject
            {
                ["delta"] = new JsonObject
                {
                    ["coin"] = p.Symbol,
                    ["fundingRate"] = VenueJson.D(p.Rate),
                    ["szi"] = VenueJson.D(p.Quantity),
                    ["type"] = "funding",
                    ["usdc"] = VenueJson.D(p.Amount),
                },
                ["hash"] = "0x" + new string('0', 64),
                ["time"] = p.Time.ToUnixTimeMilliseconds(),
            });
        }
    }

    public void SetStatus(VenueAccount account, VenueOrderRecord record, string status, long ms)
    {
        record.Status = status;
        record.StatusTimestamp = ms;
        Hub.Publish("orderUpdates", new JsonArray(record.Update()), s => Is(s, "orderUpdates") && User(s) == account.Address);
    }

    private void OnFill(VenueAccount account, VenueOrderRecord record, OrderFilled f)
    {
        var signed = f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity;
        var after = account.Sim.PositionOf(record.Coin);
        var before = after - signed;
        record.Sz -= f.Quantity;
        record.FilledNotional += f.Quantity * f.Price;
        var fill = new JsonObject
        {
            ["coin"] = record.Coin,
            ["px"] = VenueJson.D(f.Price),
            ["sz"] = VenueJson.D(f.Quantity),
            ["side"] = record.IsBuy ? "B" : "A",
            ["time"] = f.Timestamp.ToUnixTimeMilliseconds(),
            ["startPosition"] = VenueJson.D(before),
            ["dir"] = Direction(before, signed),
            ["closedPnl"] = "0.0",
            ["hash"] = "0x" + (++_nextTid).ToString("x64", CultureInfo.InvariantCulture),
            ["oid"] = record.Oid,
            ["crossed"] = f.Liquidity == Liquidity.Taker,
            ["fee"] = VenueJson.D(f.Fee),
            ["tid"] = _nextTid,
            ["feeToken"] = "USDC",
        };
        if (record.Cloid is not null)
        {
            fill["cloid"] = record.Cloid;
        }

        account.Fills.Add(fill);
        Hub.Publish("userFills", new JsonObject { ["user"] = account.Address, ["fills"] = new JsonArray(fill.DeepClone()) }, s => Is(s, "userFills") && User(s) == account.Address);
        Hub.Publish("user", new JsonObject { ["fills"] = new JsonArray(fill.DeepClone()) }, s => Is(s, "userEvents") && User(s) == account.Address);
        if (record.Sz <= 0m)
        {
            SetStatus(account, record, "filled", f.Timestamp.ToUnixTimeMilliseconds());
        }
    }

    private List<SdkCandle> AppendCandles()
    {
        var candles = new List<SdkCandle>();
        foreach (var a in _options.Assets)
        {
            var c = _feed.Next(a.Coin, _nextOpen);
            _history[a.Coin].Add(c);
            candles.Add(c);
        }

        _nextOpen += _options.CandleInterval;
        return candles;
    }

    private void PublishMarketData(List<SdkCandle> candles)
    {
        var code = Sdk.Data.BarInterval.FromDuration(_options.CandleInterval).Code;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var mids = new JsonObject();
        foreach (var c in candles)
        {
            mids[c.Symbol] = VenueJson.D(c.Close);
            Hub.Publish("candle", VenueInfo.CandleJson(c, _options.CandleInterval), s => Is(s, "candle") && Coin(s) == c.Symbol && s["interval"]?.GetValue<string>() == code);
            Hub.Publish("l2Book", VenueInfo.Book(c.Symbol, c.Close, now), s => Is(s, "l2Book") && Coin(s) == c.Symbol);
            var trade = new JsonObject
            {
                ["coin"] = c.Symbol,
                ["side"] = c.Close >= c.Open ? "B" : "A",
                ["px"] = VenueJson.D(c.Close),
                ["sz"] = "1.0",
                ["hash"] = "0x" + new string('0', 64),
                ["time"] = now,
                ["tid"] = ++_nextTid,
                ["users"] = new JsonArray("0x0000000000000000000000000000000000000001", "0x0000000000000000000000000000000000000002"),
            };
            Hub.Publish("trades", new JsonArray(trade), s => Is(s, "trades") && Coin(s) == c.Symbol);
        }

        Hub.Publish("allMids", new JsonObject { ["mids"] = mids }, s => Is(s, "allMids"));
    }

    private static string Direction(decimal before, decimal signed) =>
        before == 0m || Math.Sign(before) == Math.Sign(signed) ? (signed > 0 ? "Open Long" : "Open Short") : (signed > 0 ? "Close Short" : "Close Long");

    public static bool Is(JsonObject s, string type) => s["type"]?.GetValue<string>() == type;

    public static string? User(JsonObject s) => s["user"]?.GetValue<string>()?.ToLowerInvariant();

    public static string? Coin(JsonObject s) => s["coin"]?.GetValue<string>();

    private static decimal Pow10(int exponent)
    {
        var v = 1m;
        for (var i = 0; i < -exponent; i++)
        {
            v /= 10m;
        }

        return v;
    }
}
