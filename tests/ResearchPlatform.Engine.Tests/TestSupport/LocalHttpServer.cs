using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 (free port) that records every request (path, content type, body, arrival time) and
/// answers with the next scripted response (<see cref="Then"/>), else with <see cref="Respond"/>'s status, body and delay.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _script = new();
    private int _requests;

    public LocalHttpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public sealed record Request(string Path, string? ContentType, string Body, long ArrivedMs);

    public Uri BaseUri { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Every request received, in arrival order.</summary>
    public ConcurrentQueue<Request> Received { get; } = new();

    public string? LastPathAndQuery { get; private set; }

    public Func<(int Status, string Body, TimeSpan Delay)> Respond { get; set; } = () => (200, "{}", TimeSpan.Zero);

    /// <summary>Queues the answer to a future request (in order); scripted answers come before <see cref="Respond"/>.</summary>
    public void Then(int status, string body = "", string? retryAfter = null) => _script.Enqueue((status, body, retryAfter));

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(ctx));
        }
    }

    private async Task AnswerAsync(HttpListenerContext ctx)
    {
        try
        {
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            LastPathAndQuery = ctx.Request.Url?.PathAndQuery;
            Received.Enqueue(new Request(ctx.Request.Url!.AbsolutePath, ctx.Request.ContentType, text, Environment.TickCount64));
            Interlocked.Increment(ref _requests);
            var (status, body, delay, retryAfter) = _script.TryDequeue(out var s) ? (s.Status, s.Body, TimeSpan.Zero, s.RetryAfter) : Scripted(Respond());
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            ctx.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                ctx.Response.Headers["Retry-After"] = retryAfter;
            }

            ctx.Response.ContentType = "application/json";
            await ctx.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
            ctx.Response.Close();
        }
        catch (Exception)
        {
            // client went away (timeout tests)
        }
    }

    private static (int, string, TimeSpan, string?) Scripted((int Status, string Body, TimeSpan Delay) r) => (r.Status, r.Body, r.Delay, null);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }
}
