using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// An HTTP listener on 127.0.0.1 (free port) that records every request (path, content type, body, arrival time) and
/// answers from a script: the next scripted response, or 204 when the script is empty.
/// </summary>
internal sealed class CapturingHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _script = new();

    public CapturingHttpServer()
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

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Queues the answer to a future request (in order).</summary>
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

            try
            {
                using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                Requests.Enqueue(new Request(ctx.Request.Url!.AbsolutePath, ctx.Request.ContentType, body, Environment.TickCount64));
                var (status, text, retryAfter) = _script.TryDequeue(out var s) ? s : (204, string.Empty, null);
                ctx.Response.StatusCode = status;
                if (retryAfter is not null)
                {
                    ctx.Response.Headers["Retry-After"] = retryAfter;
                }

                var bytes = Encoding.UTF8.GetBytes(text);
                await ctx.Response.OutputStream.WriteAsync(bytes);
                ctx.Response.Close();
            }
            catch (HttpListenerException)
            {
            }
        }
    }

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
