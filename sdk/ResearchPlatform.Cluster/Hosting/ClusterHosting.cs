using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using ResearchPlatform.Cluster.Silo;

namespace ResearchPlatform.Cluster.Hosting;

/// <summary>Builds worker silos and cluster clients for a <see cref="ClusterSpec"/>.</summary>
internal static class ClusterHosting
{
    /// <summary>Registers the silo's evaluation service (dataset cache, evaluation threads, counters).</summary>
    public static IServiceCollection AddEvaluationService(this IServiceCollection services, SiloSeedTypes seeds, ClusterSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(seeds);
        services.AddSingleton(options);
        services.AddSingleton(sp => new SiloEvaluationService(
            seeds, options, sp.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString(), TimeProvider.System));
        return services;
    }

    /// <summary>Configures clustering and endpoints of a silo.</summary>
    public static ISiloBuilder UseCluster(this ISiloBuilder silo, ClusterSpec spec, SiloEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(endpoints);
        if (spec.Kind == ClusterKind.Localhost)
        {
            silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, new IPEndPoint(IPAddress.Loopback, endpoints.PrimarySiloPort), spec.ServiceId, spec.ClusterId);
        }
        else
        {
            silo.UseRedisClustering(spec.RedisConfiguration!);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = spec.ClusterId;
                o.ServiceId = spec.ServiceId;
            });
            silo.ConfigureEndpoints(endpoints.AdvertisedAddress, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        }

        return silo;
    }

    /// <summary>Configures clustering of a client.</summary>
    public static IClientBuilder UseCluster(this IClientBuilder client, ClusterSpec spec, TimeSpan responseTimeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind == ClusterKind.Localhost)
        {
            client.UseLocalhostClustering([.. spec.GatewayPorts], spec.ServiceId, spec.ClusterId);
        }
        else
        {
            client.UseRedisClustering(spec.RedisConfiguration!);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = spec.ClusterId;
                o.ServiceId = spec.ServiceId;
            });
        }

        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
        return client;
    }

    /// <summary>Starts a client host connected to the cluster (throws when no gateway answers within the connect timeout).</summary>
    public static async Task<IHost> ConnectClientAsync(ClusterSpec spec, TimeSpan responseTimeout, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c => c.UseCluster(spec, responseTimeout));
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The first non-loopback IPv4 address of this machine, or loopback.</summary>
    public static IPAddress DefaultAdvertisedAddress() =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}
