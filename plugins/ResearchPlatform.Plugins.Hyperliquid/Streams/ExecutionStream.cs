using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ResearchPlatform.Plugins.Hyperliquid.Info;
using ResearchPlatform.Plugins.Hyperliquid.Ws;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Streams;

/// <summary>
/// Execution events for the account: WebSocket orderUpdates (accepted, canceled, rejected) and userFills (the first,
/// snapshot message only seeds the seen set), deduplicated by trade id. After every reconnect the fills since the last
/// one seen are fetched with userFillsByTime, so a fill that happened while disconnected is never missed. Locally
/// produced events (OrderModified) are merged in.
/// </summary>
internal sealed class ExecutionStream(AdapterContext context)
{
    private readonly HashSet<string> _seenFills = new(StringComparer.Ordinal);
    private DateTimeOffset _lastFillTime;

    public async IAsyncEnumerable<ExecutionEvent> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var account = context.Account;
        _lastFillTime = context.Time.GetUtcNow();
        using var socket = new HyperliquidWebSocket(context.Options.EffectiveWebSocketUrl, context.Options.PingInterval,
            context.Options.BackoffInitial, context.Options.BackoffMax, context.Time);
        socket.Subscribe(new JsonObject { ["type"] = "orderUpdates", ["user"] = account });
        socket.Subscribe(new JsonObject { ["type"] = "userFills", ["user"] = account });
        var output = context.Listen();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = socket.RunAsync(stop.Token);
        var pump = PumpAsync(socket, output.Writer, account, stop.Token);
        try
        {
            await foreach (var e in output.Reader.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            context.Unlisten(output);
            await stop.CancelAsync();
            await Task.WhenAll(run, pump).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task PumpAsync(HyperliquidWebSocket socket, ChannelWriter<ExecutionEvent> output, string account, CancellationToken cancellationToken)
    {
        await foreach (var message in socket.Messages.ReadAllAsync(cancellationToken))
        {
            var channel = message["channel"]!.GetValue<string>();
            var events = channel switch
            {
                "orderUpdates" => OrderUpdates(message["data"] as JsonArray),
                "userFills" => UserFills(message["data"]),
                HyperliquidWebSocket.ReconnectedChannel => await BackfillAsync(account, cancellationToken),
                _ => [],
            };
            foreach (var e in events)
            {
                await output.WriteAsync(e, cancellationToken);
            }
        }
    }

    private List<ExecutionEvent> OrderUpdates(JsonArray? updates)
    {
        var result = new List<ExecutionEvent>();
        foreach (var u in updates ?? [])
        {
            var order = u?["order"];
            var oid = Json.Long(order, "oid");
            var clientId = context.ClientIdOf(Json.OptStr(order, "cloid"), oid);
            var exchangeId = oid.ToString(CultureInfo.InvariantCulture);
            var status = Json.Str(u, "status");
            var at = u?["statusTimestamp"] is null ? context.Time.GetUtcNow() : Json.Ms(u, "statusTimestamp");
            ExecutionEvent? e = InfoParsers.StatusOf(status) switch
            {
                VenueOrderStatus.Open when status == "open" => new OrderAccepted(clientId, exchangeId, at),
                VenueOrderStatus.Canceled => new OrderCanceled(clientId, exchangeId, at, status),
                VenueOrderStatus.Rejected => new OrderRejected(clientId, exchangeId, at, status),
                _ => null,
            };
            if (e is not null)
            {
                result.Add(e);
            }
        }

        return result;
    }

    private List<ExecutionEvent> UserFills(JsonNode? data)
    {
        var snapshot = Json.Bool(data, "isSnapshot");
        var result = new List<ExecutionEvent>();
        foreach (var f in data?["fills"] as JsonArray ?? [])
        {
            var fill = InfoParsers.Fill(f, context.ClientIdOf);
            if (_seenFills.Add(fill.FillId) && !snapshot)
            {
                result.Add(fill);
            }

            if (fill.Timestamp > _lastFillTime)
            {
                _lastFillTime = fill.Timestamp;
            }
        }

        return result;
    }

    private async Task<List<ExecutionEvent>> BackfillAsync(string account, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["type"] = "userFillsByTime",
            ["user"] = account,
            ["startTime"] = _lastFillTime.ToUnixTimeMilliseconds(),
        };
        var fills = await context.Rest.InfoAsync(request, cancellationToken) as JsonArray ?? [];
        return UserFills(new JsonObject { ["fills"] = fills.DeepClone() });
    }
}
