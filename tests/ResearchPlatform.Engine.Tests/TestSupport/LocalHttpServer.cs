using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>A tiny HTTP server on 127.0.0.1 that answers every request with <see cref="Respond"/>'s status and body.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
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

    public Uri BaseUri { get; }

    public int Requests => Volatile.Read(ref _requests);

    public string? LastPathAndQuery { get; private set; }

    public Func<(int Status, string Body, TimeSpan Delay)> Respond { get; set; } = () => (200, "{}", TimeSpan.Zero);

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

            Interlocked.Increment(ref _requests);
            LastPathAndQuery = ctx.Request.Url?.PathAndQuery;
            var (status, body, delay) = Respond();
            _ = Task.Run(async () =>
            {
                try
                {
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay);
                    }

                    ctx.Response.StatusCode = status;
                    var bytes = Encoding.UTF8.GetBytes(body);
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.OutputStream.WriteAsync(bytes);
                    ctx.Response.Close();
                }
                catch (Exception)
                {
                    // client went away (timeout tests)
                }
            });
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
