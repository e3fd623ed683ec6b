using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using ResearchPlatform.Host.Connections;

namespace ResearchPlatform.Host.Tests.Connections;

/// <summary>The named client pipelines against a real HTTP listener on 127.0.0.1 with fast, slow and failing endpoints.</summary>
public sealed class RemoteServicesTests : IAsyncLifetime
{
    private WebApplication? _server;
    private int _failHits;
    private int _flakyHits;

    private Uri BaseAddress => new(_server!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.MapGet("/fast", () => "ok");
        _server.MapGet("/slow", async (int ms) =>
        {
            await Task.Delay(ms);
            return "late";
        });
        _server.MapGet("/fail", () =>
        {
            Interlocked.Increment(ref _failHits);
            return Results.StatusCode(503);
        });
        _server.MapGet("/flaky", () => Interlocked.Increment(ref _flakyHits) % 2 == 1 ? Results.StatusCode(503) : Results.Text("ok"));
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetAsync_FlakyEndpoint_RetriedAndRecordedPerEndpoint()
    {
        using var sp = Services(new RemoteServiceOptions { BaseAddress = BaseAddress, Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(10), BreakerMinimumThroughput = 100 });
        var client = sp.GetRequiredService<IHttpClientFactory>().CreateClient("svc");

        for (var i = 0; i < 3; i++)
        {
            using var r = await client.GetAsync(new Uri("flaky", UriKind.Relative));
            Assert.True(r.IsSuccessStatusCode);
        }

        var stats = sp.GetRequiredService<RetailConnectionOptimizer>().Snapshot().Services.Single();
        var flaky = stats.Endpoints.Single(e => e.Endpoint == "/flaky");
        Assert.Equal(6, _flakyHits);
        Assert.Equal((6L, 3L), (flaky.Requests, flaky.Failures));
        Assert.Equal(3, stats.Retries);
        Assert.Equal("HTTP 503", flaky.LastError);
    }

    [Fact]
    public async Task GetAsync_FastThenSlowEndpoint_TimeoutAdaptsWithinBoundsAndSlowCallTimesOut()
    {
        var options = new RemoteServiceOptions
        {
            BaseAddress = BaseAddress, Retries = 0, InitialTimeout = TimeSpan.FromSeconds(2), MinTimeout = TimeSpan.FromMilliseconds(150),
            MaxTimeout = TimeSpan.FromSeconds(3), TimeoutMultiplier = 3, BreakerMinimumThroughput = 100,
        };
        using var sp = Services(options);
        var client = sp.GetRequiredService<IHttpClientFactory>().CreateClient("svc");
        var optimizer = sp.GetRequiredService<RetailConnectionOptimizer>();

        for (var i = 0; i < 40; i++)
        {
            using var r = await client.GetAsync(new Uri("fast", UriKind.Relative));
        }

        var adapted = optimizer.TimeoutFor("svc");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync(new Uri("slow?ms=5000", UriKind.Relative)));
        var waited = sw.Elapsed;
        var grown = optimizer.TimeoutFor("svc");

        // fast loopback calls: p95 x 3 is far below the initial 2 s, and never below the 150 ms bound
        Assert.InRange(adapted, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(1500));
        Assert.True(waited < TimeSpan.FromMilliseconds(4000), $"slow call was cut after {waited.TotalMilliseconds} ms");
        Assert.Equal(Math.Min(3000, adapted.TotalMilliseconds * 1.5), grown.TotalMilliseconds, 3); // a timeout grows it by half
        var slow = optimizer.Snapshot().Services.Single().Endpoints.Single(e => e.Endpoint == "/slow");
        Assert.Equal(1, slow.Failures);
    }

    [Fact]
    public async Task GetAsync_FailingEndpoint_BreakerOpensAndStopsCallingTheServer()
    {
        var options = new RemoteServiceOptions { BaseAddress = BaseAddress, Retries = 0, BreakerMinimumThroughput = 4, BreakerFailureRatio = 0.5, BreakerBreakDuration = TimeSpan.FromSeconds(30) };
        using var sp = Services(options);
        var client = sp.GetRequiredService<IHttpClientFactory>().CreateClient("svc");

        var broken = 0;
        for (var i = 0; i < 10; i++)
        {
            try
            {
                using var r = await client.GetAsync(new Uri("fail", UriKind.Relative));
            }
            catch (BrokenCircuitException)
            {
                broken++;
            }
        }

        var stats = sp.GetRequiredService<RetailConnectionOptimizer>().Snapshot().Services.Single();
        Assert.Equal(4, _failHits);
        Assert.Equal(6, broken);
        Assert.True(stats.BreakerOpen);
        Assert.Equal(1, stats.BreakerOpenings);
    }

    private static ServiceProvider Services(RemoteServiceOptions service)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddRemoteServices(new ConnectionOptions { Services = new(StringComparer.OrdinalIgnoreCase) { ["svc"] = service } });
        return services.BuildServiceProvider();
    }
}
