using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Hyperliquid.RateLimits;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// A local Hyperliquid venue on 127.0.0.1: POST /info, POST /exchange and WebSocket /ws, backed by the simulated
/// matching engine. Enforces the REST weight budget (HTTP 429 when exceeded) and injects the configured faults.
/// <code>
/// await using var venue = await LocalVenue.StartAsync(new LocalVenueOptions { Accounts = [address] }, ct);
/// // adapter base_url = venue.BaseUrl; venue.Step() moves prices one candle and matches resting orders
/// </code>
/// </summary>
public sealed class LocalVenue : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly VenueEngine _engine;
    private readonly VenueExchange _exchange;
    private readonly WeightedRateLimiter _limiter;
    private readonly Random _faults;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private long _rateLimited, _serverErrors, _requests;
    private volatile bool _outage;

    private LocalVenue(WebApplication app, VenueEngine engine, LocalVenueOptions options)
    {
        _app = app;
        _engine = engine;
        _exchange = new VenueExchange(engine);
        _limiter = new WeightedRateLimiter(options.RateLimitWeight, options.RateLimitWindow, TimeProvider.System);
        _faults = new Random(options.Faults.Seed);
        Options = options;
    }

    public LocalVenueOptions Options { get; }

    /// <summary>http://127.0.0.1:PORT</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public int Port => BaseUrl.Port;

    /// <summary>Requests answered with HTTP 429 because the weight budget was exceeded (not injected ones).</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Injected 429 and 5xx answers.</summary>
    public long InjectedFaults => Interlocked.Read(ref _serverErrors);

    public long Requests => Interlocked.Read(ref _requests);

    public long BadSignatures => _exchange.BadSignatures;

    public long BadNonces => _exchange.BadNonces;

    public long DroppedWebSockets => _engine.Hub.Dropped;

    public int WebSocketConnections => _engine.Hub.Count;

    public static async Task<LocalVenue> StartAsync(LocalVenueOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var hub = new WebSocketHub(options.Faults);
        var engine = new VenueEngine(options, TimeProvider.System, hub);
        var venue = new LocalVenue(app, engine, options);
        hub.SnapshotFor = venue.Snapshot;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapPost("/info", venue.InfoAsync);
        app.MapPost("/exchange", venue.ExchangeAsync);
        app.Map("/ws", venue.WebSocketAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        venue.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        venue.StartLoops();
        return venue;
    }

    /// <summary>Moves every price one candle and matches resting orders (the step loop does this periodically).</summary>
    public void Step()
    {
        lock (_engine.Gate)
        {
            _engine.Step();
        }
    }

    /// <summary>
    /// A simulated outage: while true every HTTP request is answered 503 and WebSockets are closed and refused (prices
    /// keep moving and resting orders keep matching); false ends it.
    /// </summary>
    public bool Outage
    {
        get => _outage;
        set
        {
            _outage = value;
            if (value)
            {
                DropWebSockets();
            }
        }
    }

    /// <summary>Closes every WebSocket connection (clients must reconnect and backfill).</summary>
    public void DropWebSockets() => _engine.Hub.DropAll();

    /// <summary>Registers an account (funded with the starting cash).</summary>
    public void AddAccount(string address)
    {
        lock (_engine.Gate)
        {
            _engine.AddAccount(address);
        }
    }

    /// <summary>The funding rate the venue charges (and serves as fundingHistory) for a coin at a whole hour.</summary>
    public decimal FundingRateAt(string coin, DateTimeOffset hour) => _engine.Funding.RateAt(coin, hour);

    /// <summary>The open time of the newest candle: fundingHistory serves rates up to it.</summary>
    public DateTimeOffset LatestOpen
    {
        get
        {
            lock (_engine.Gate)
            {
                return _engine.LatestOpen;
            }
        }
    }

    /// <summary>Signed position of an account in a coin.</summary>
    public decimal PositionOf(string address, string coin)
    {
        lock (_engine.Gate)
        {
            return _engine.Account(address)?.Sim.PositionOf(coin) ?? 0m;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _engine.Hub.DropAll();
        await _app.StopAsync();
        await Task.WhenAll(_loops).ContinueWith(_ => { }, TaskScheduler.Default);
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private void StartLoops()
    {
        if (Options.StepPeriod is { } period)
        {
            _loops.Add(LoopAsync(period, Step));
        }

        if (Options.Faults.WsDropEveryMs > 0)
        {
            _loops.Add(LoopAsync(TimeSpan.FromMilliseconds(Options.Faults.WsDropEveryMs), DropWebSockets));
        }
    }

    private async Task LoopAsync(TimeSpan period, Action action)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                action();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task InfoAsync(HttpContext http)
    {
        var request = await ReadAsync(http);
        if (request is null || !await AdmitAsync(http, RequestWeights.Info(request["type"]?.GetValue<string>() ?? "")))
        {
            return;
        }

        JsonNode? response;
        lock (_engine.Gate)
        {
            response = VenueInfo.Handle(_engine, request);
        }

        await WriteAsync(http, response);
    }

    private async Task ExchangeAsync(HttpContext http)
    {
        var body = await ReadAsync(http);
        if (body is null || !await AdmitAsync(http, RequestWeights.Exchange(1)))
        {
            return;
        }

        await WriteAsync(http, _exchange.Handle(body));
    }

    private async Task WebSocketAsync(HttpContext http)
    {
        if (_outage)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await _engine.Hub.ServeAsync(socket, _stop.Token);
    }

    private JsonObject? Snapshot(JsonObject subscription)
    {
        if (!VenueEngine.Is(subscription, "userFills"))
        {
            return null;
        }

        lock (_engine.Gate)
        {
            var fills = _engine.Account(VenueEngine.User(subscription))?.Fills ?? [];
            return new JsonObject
            {
                ["channel"] = "userFills",
                ["data"] = new JsonObject { ["isSnapshot"] = true, ["user"] = VenueEngine.User(subscription), ["fills"] = new JsonArray([.. fills.Select(f => (JsonNode)f.DeepClone())]) },
            };
        }
    }

    private async Task<bool> AdmitAsync(HttpContext http, int weight)
    {
        Interlocked.Increment(ref _requests);
        if (_outage)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await http.Response.WriteAsync("Service Unavailable (simulated outage)", http.RequestAborted);
            return false;
        }

        var f = Options.Faults;
        if (f.LatencyMs > 0 || f.LatencyJitterMs > 0)
        {
            int jitter;
            lock (_faults)
            {
                jitter = f.LatencyJitterMs > 0 ? _faults.Next(f.LatencyJitterMs) : 0;
            }

            await Task.Delay(f.LatencyMs + jitter, http.RequestAborted);
        }

        double roll;
        lock (_faults)
        {
            roll = _faults.NextDouble();
        }

        if (roll < f.Rate429 || _limiter.TryAcquire(weight) != TimeSpan.Zero)
        {
            Interlocked.Increment(ref roll < f.Rate429 ? ref _serverErrors : ref _rateLimited);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return false;
        }

        if (roll < f.Rate429 + f.Rate5xx)
        {
            Interlocked.Increment(ref _serverErrors);
            http.Response.StatusCode = StatusCodes.Status502BadGateway;
            await http.Response.WriteAsync("Bad Gateway", http.RequestAborted);
            return false;
        }

        return true;
    }

    private static async Task<JsonObject?> ReadAsync(HttpContext http)
    {
        try
        {
            if (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) is JsonObject obj)
            {
                return obj;
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        await Unprocessable(http);
        return null;
    }

    private static async Task WriteAsync(HttpContext http, JsonNode? response)
    {
        if (response is null)
        {
            await Unprocessable(http);
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.ToJsonString(), http.RequestAborted);
    }

    private static async Task Unprocessable(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        http.Response.ContentType = "text/plain";
        await http.Response.WriteAsync("Failed to deserialize the JSON body into the target type", http.RequestAborted);
    }
}
