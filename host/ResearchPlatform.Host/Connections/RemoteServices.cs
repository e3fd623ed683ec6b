using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ResearchPlatform.Host.Connections;

/// <summary>
/// Registers one named <see cref="HttpClient"/> pipeline per remote service: a tuned <see cref="SocketsHttpHandler"/>
/// (pooled connections with a lifetime, automatic decompression, HTTP/2 when the server offers it), then retry,
/// circuit breaker and a per-attempt timeout that the <see cref="RetailConnectionOptimizer"/> adapts from measured
/// latency; each attempt's latency and outcome is recorded per endpoint.
/// </summary>
public static class RemoteServices
{
    public const string FearGreed = "fear_greed";
    public const string Hyperliquid = "hyperliquid";

    /// <summary>Adds the optimizer and a named client for every service of <paramref name="options"/>.</summary>
    public static IServiceCollection AddRemoteServices(this IServiceCollection services, ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Services.SelectMany(kv => kv.Value.Validate(kv.Key)).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("invalid connection settings: " + string.Join("; ", problems));
        }

        services.AddSingleton(options);
        services.AddSingleton<RetailConnectionOptimizer>();
        foreach (var (name, service) in options.Services)
        {
            AddService(services, options, name, service);
        }

        return services;
    }

    private static void AddService(IServiceCollection services, ConnectionOptions options, string name, RemoteServiceOptions service)
    {
        var builder = services.AddHttpClient(name, c =>
        {
            c.BaseAddress = service.BaseAddress;
            c.DefaultRequestVersion = HttpVersion.Version20;
            c.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
            c.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeout governs
        })
        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = options.PooledConnectionIdleTimeout,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.All,
            EnableMultipleHttp2Connections = true,
        })
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(name + "-pipeline", (pipeline, context) =>
        {
            var optimizer = context.ServiceProvider.GetRequiredService<RetailConnectionOptimizer>();
            optimizer.Register(name, service);
            if (service.Retries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = service.Retries,
                    Delay = service.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    OnRetry = args =>
                    {
                        optimizer.OnRetry(name);
                        return default;
                    },
                });
            }

            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = service.BreakerFailureRatio,
                MinimumThroughput = service.BreakerMinimumThroughput,
                SamplingDuration = service.BreakerSamplingDuration,
                BreakDuration = service.BreakerBreakDuration,
                OnOpened = args =>
                {
                    optimizer.OnBreaker(name, opened: true);
                    return default;
                },
                OnClosed = args =>
                {
                    optimizer.OnBreaker(name, opened: false);
                    return default;
                },
            });
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions
            {
                TimeoutGenerator = _ => ValueTask.FromResult(optimizer.TimeoutFor(name)),
            });
        });
        builder.AddHttpMessageHandler(sp => new LatencyTrackingHandler(name, sp.GetRequiredService<RetailConnectionOptimizer>()));
    }
}
