using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ResearchPlatform.Plugins.Hyperliquid.Ws;

/// <summary>
/// One WebSocket connection with its subscriptions: sends {"method":"ping"} every ping interval, reconnects with
/// exponential backoff (reset after a successful connect), resubscribes everything, and after every reconnect writes
/// the marker message {"channel":"__reconnected"} so consumers fetch the state they may have missed over REST (the
/// exchange does not replay). Data messages ({channel, data}) are delivered in order on <see cref="Messages"/>.
/// </summary>
internal sealed class HyperliquidWebSocket : IDisposable
{
    public const string ReconnectedChannel = "__reconnected";

    private readonly Uri _url;
    private readonly TimeSpan _ping, _backoffInitial, _backoffMax;
    private readonly TimeProvider _time;
    private readonly List<JsonObject> _subscriptions = [];
    private readonly Channel<JsonObject> _messages = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private int _connections;

    public HyperliquidWebSocket(Uri url, TimeSpan pingInterval, TimeSpan backoffInitial, TimeSpan backoffMax, TimeProvider time)
    {
        _url = url;
        _ping = pingInterval;
        _backoffInitial = backoffInitial;
        _backoffMax = backoffMax;
        _time = time;
    }

    public ChannelReader<JsonObject> Messages => _messages.Reader;

    /// <summary>Successful connections so far (1 + reconnects).</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void Dispose() => _sendGate.Dispose();

    public void Subscribe(JsonObject subscription)
    {
        lock (_subscriptions)
        {
            _subscriptions.Add(subscription);
        }
    }

    /// <summary>Connects and keeps the connection alive until cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = _backoffInitial;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var socket = new ClientWebSocket();
                try
                {
                    await socket.ConnectAsync(_url, cancellationToken);
                    backoff = _backoffInitial;
                    await SubscribeAllAsync(socket, cancellationToken);
                    if (Interlocked.Increment(ref _connections) > 1)
                    {
                        await _messages.Writer.WriteAsync(new JsonObject { ["channel"] = ReconnectedChannel }, cancellationToken);
                    }

                    await PumpAsync(socket, cancellationToken);
                }
                catch (Exception e) when (e is WebSocketException or IOException or HttpRequestException or JsonException)
                {
                    // connection failed or dropped: fall through to the backoff
                }

                await Task.Delay(backoff, _time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _backoffMax.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    private async Task SubscribeAllAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        JsonObject[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = [.. _subscriptions];
        }

        foreach (var s in subscriptions)
        {
            await SendAsync(socket, new JsonObject { ["method"] = "subscribe", ["subscription"] = s.DeepClone() }, cancellationToken);
        }
    }

    private async Task PumpAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pinger = PingLoopAsync(socket, stop.Token);
        try
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                await DeliverAsync(text, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await pinger;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
            {
            }
        }
    }

    private async Task DeliverAsync(string text, CancellationToken cancellationToken)
    {
        if (!text.StartsWith('{'))
        {
            return;
        }

        if (JsonNode.Parse(text) is not JsonObject obj || obj["channel"]?.GetValue<string>() is not { } channel
            || channel is "pong" or "subscriptionResponse")
        {
            return;
        }

        await _messages.Writer.WriteAsync(obj, cancellationToken);
    }

    private async Task PingLoopAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            await Task.Delay(_ping, _time, cancellationToken);
            await SendAsync(socket, new JsonObject { ["method"] = "ping" }, cancellationToken);
        }
    }

    private async Task SendAsync(ClientWebSocket socket, JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }
}
