using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using ResearchPlatform.Host.Service.Events;

namespace ResearchPlatform.Host.Service.Api;

/// <summary>
/// <c>GET /api/stream</c>: Server-Sent Events. A <c>snapshot</c> right away and every second, the live events as they
/// happen, and a <c>: keep-alive</c> comment every 15 s. Ends when the client goes or the service stops.
/// </summary>
internal static class StreamApi
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/stream", StreamAsync);

    private static async Task StreamAsync(HttpContext context, EventHub hub, SnapshotPublisher snapshots, IHostApplicationLifetime lifetime)
    {
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = cts.Token;
        using var subscription = hub.Subscribe();
        try
        {
            await WriteAsync(response, "snapshot", System.Text.Json.JsonSerializer.Serialize(await snapshots.BuildAsync(ct), ApiJson.Options), ct);
            var reader = subscription.Reader;
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(KeepAlive);
                try
                {
                    var e = await reader.ReadAsync(wait.Token);
                    await WriteAsync(response, e.Name, e.Data, ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
        }
    }

    private static async Task WriteAsync(HttpResponse response, string name, string data, CancellationToken ct)
    {
        await response.WriteAsync($"event: {name}\ndata: {data}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
