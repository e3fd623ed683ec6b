using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// The venue's WebSocket side: subscribe / unsubscribe / ping per connection, publishing {channel, data} to the
/// connections whose subscriptions match, with optional faults: dropped connections and out-of-order delivery (a
/// message held back and sent after the next one on that connection).
/// </summary>
internal sealed class WebSocketHub
{
    private readonly List<Connection> _connections = [];
    private readonly Random _random;
    private readonly double _outOfOrderRate;
    private long _dropped;

    public WebSocketHub(FaultProfile faults)
    {
        _random = new Random(faults.Seed + 1);
        _outOfOrderRate = faults.OutOfOrderRate;
    }

    /// <summary>Called for a new subscription with the connection's send function (snapshots).</summary>
    public Func<JsonObject, JsonObject?>? SnapshotFor { get; set; }

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Count
    {
        get
        {
            lock (_connections)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Serves one accepted socket until it closes.</summary>
    public async Task ServeAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var connection = new Connection(socket);
        lock (_connections)
        {
            _connections.Add(connection);
        }

        try
        {
            var buffer = new byte[16 * 1024];
            using var message = new MemoryStream();
            while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                    message.SetLength(0);
                    await HandleAsync(connection, text, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            lock (_connections)
            {
                _connections.Remove(connection);
            }
        }
    }

    /// <summary>Publishes to every subscription <paramref name="matches"/> accepts.</summary>
    public void Publish(string channel, JsonNode data, Func<JsonObject, bool> matches)
    {
        Connection[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        foreach (var c in connections)
        {
            if (c.Matches(matches))
            {
                Send(c, new JsonObject { ["channel"] = channel, ["data"] = data.DeepClone() }, allowReorder: true);
            }
        }
    }

    /// <summary>Aborts every connection (fault injection and tests).</summary>
    public void DropAll()
    {
        Connection[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        foreach (var c in connections)
        {
            Interlocked.Increment(ref _dropped);
            c.Socket.Abort();
        }
    }

    private async Task HandleAsync(Connection connection, string text, CancellationToken cancellationToken)
    {
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }

        var method = request?["method"]?.GetValue<string>();
        switch (method)
        {
            case "ping":
                Send(connection, new JsonObject { ["channel"] = "pong" }, allowReorder: false);
                break;
            case "subscribe" when request!["subscription"] is JsonObject s:
                connection.Add(s);
                Send(connection, new JsonObject { ["channel"] = "subscriptionResponse", ["data"] = request.DeepClone() }, allowReorder: false);
                if (SnapshotFor?.Invoke(s) is { } snapshot)
                {
                    Send(connection, snapshot, allowReorder: false);
                }

                break;
            case "unsubscribe" when request!["subscription"] is JsonObject s:
                connection.Remove(s);
                Send(connection, new JsonObject { ["channel"] = "subscriptionResponse", ["data"] = request.DeepClone() }, allowReorder: false);
                break;
            default:
                Send(connection, new JsonObject { ["channel"] = "error", ["data"] = "Error parsing JSON into valid websocket request: " + text }, allowReorder: false);
                break;
        }

        await Task.CompletedTask.WaitAsync(cancellationToken);
    }

    private void Send(Connection c, JsonObject message, bool allowReorder)
    {
        bool hold;
        lock (_random)
        {
            hold = allowReorder && _outOfOrderRate > 0 && _random.NextDouble() < _outOfOrderRate;
        }

        c.Enqueue(message, hold);
    }

    private sealed class Connection
    {
        private readonly List<JsonObject> _subscriptions = [];
        private JsonObject? _held;
        private Task _tail = Task.CompletedTask;

        public Connection(WebSocket socket) => Socket = socket;

        public WebSocket Socket { get; }

        public void Add(JsonObject s)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add((JsonObject)s.DeepClone());
            }
        }

        public void Remove(JsonObject s)
        {
            lock (_subscriptions)
            {
                _subscriptions.RemoveAll(x => JsonNode.DeepEquals(x, s));
            }
        }

        public bool Matches(Func<JsonObject, bool> matches)
        {
            lock (_subscriptions)
            {
                return _subscriptions.Any(matches);
            }
        }

        /// <summary>Sends in order; a held message goes out right after the next one.</summary>
        public void Enqueue(JsonObject message, bool hold)
        {
            lock (_subscriptions)
            {
                if (hold && _held is null)
                {
                    _held = message;
                    _ = Task.Delay(100).ContinueWith(_ => Flush(), TaskScheduler.Default);
                    return;
                }

                var batch = _held is null ? new[] { message } : [message, _held];
                _held = null;
                _tail = _tail.ContinueWith(_ => SendAllAsync(batch), TaskScheduler.Default).Unwrap();
            }
        }

        private void Flush()
        {
            lock (_subscriptions)
            {
                if (_held is null)
                {
                    return;
                }

                var batch = new[] { _held };
                _held = null;
                _tail = _tail.ContinueWith(_ => SendAllAsync(batch), TaskScheduler.Default).Unwrap();
            }
        }

        private async Task SendAllAsync(JsonObject[] batch)
        {
            try
            {
                foreach (var m in batch)
                {
                    if (Socket.State != WebSocketState.Open)
                    {
                        return;
                    }

                    await Socket.SendAsync(Encoding.UTF8.GetBytes(m.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
            {
            }
        }
    }
}
