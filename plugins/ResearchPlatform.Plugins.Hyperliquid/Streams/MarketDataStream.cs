using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ResearchPlatform.Plugins.Hyperliquid.Info;
using ResearchPlatform.Plugins.Hyperliquid.Ws;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Streams;

/// <summary>
/// Market data for coins over one WebSocket: trades -> <see cref="TradePrinted"/>, l2Book -> <see cref="TopOfBookChanged"/>,
/// candle -> <see cref="CandleClosed"/> (a candle is closed when the next open time arrives). allMids is subscribed
/// too and keeps <see cref="Mids"/> current.
/// </summary>
internal sealed class MarketDataStream(AdapterContext context)
{
    private readonly Dictionary<string, JsonNode> _openCandles = new(StringComparer.Ordinal);

    public Dictionary<string, decimal> Mids { get; } = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<MarketDataEvent> RunAsync(IReadOnlyList<string> coins, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var socket = new HyperliquidWebSocket(context.Options.EffectiveWebSocketUrl, context.Options.PingInterval,
            context.Options.BackoffInitial, context.Options.BackoffMax, context.Time);
        socket.Subscribe(new JsonObject { ["type"] = "allMids" });
        foreach (var coin in coins)
        {
            socket.Subscribe(new JsonObject { ["type"] = "trades", ["coin"] = coin });
            socket.Subscribe(new JsonObject { ["type"] = "l2Book", ["coin"] = coin });
            socket.Subscribe(new JsonObject { ["type"] = "candle", ["coin"] = coin, ["interval"] = context.Options.StreamCandleInterval });
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = socket.RunAsync(stop.Token);
        try
        {
            await foreach (var message in socket.Messages.ReadAllAsync(cancellationToken))
            {
                foreach (var e in Map(message))
                {
                    yield return e;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await run.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private IEnumerable<MarketDataEvent> Map(JsonObject message)
    {
        var data = message["data"];
        switch (message["channel"]!.GetValue<string>())
        {
            case "trades":
                foreach (var t in data as JsonArray ?? [])
                {
                    yield return new TradePrinted(Json.Str(t, "coin"), Json.Ms(t, "time"), Json.Dec(t, "px"), Json.Dec(t, "sz"),
                        Json.Str(t, "side") == "B" ? OrderSide.Buy : OrderSide.Sell);
                }

                break;
            case "l2Book":
                var levels = data?["levels"] as JsonArray;
                var bid = (levels?[0] as JsonArray)?.FirstOrDefault();
                var ask = (levels?[1] as JsonArray)?.FirstOrDefault();
                if (bid is not null && ask is not null)
                {
                    yield return new TopOfBookChanged(Json.Str(data, "coin"), Json.Ms(data, "time"), Json.Dec(bid, "px"), Json.Dec(bid, "sz"), Json.Dec(ask, "px"), Json.Dec(ask, "sz"));
                }

                break;
            case "candle":
                var coin = Json.Str(data, "s");
                if (_openCandles.TryGetValue(coin, out var previous) && Json.Long(previous, "t") < Json.Long(data, "t"))
                {
                    var closed = InfoParsers.Candle(previous);
                    yield return new CandleClosed(closed, Json.Ms(data, "t"));
                }

                _openCandles[coin] = data!.DeepClone();
                break;
            case "allMids":
                foreach (var (name, value) in data?["mids"] as JsonObject ?? [])
                {
                    Mids[name] = Json.OptDec(new JsonObject { ["v"] = value?.DeepClone() }, "v") ?? 0m;
                }

                break;
        }
    }
}
