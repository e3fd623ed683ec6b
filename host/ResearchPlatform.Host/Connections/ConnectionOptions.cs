namespace ResearchPlatform.Host.Connections;

/// <summary>Remote services by name (section <c>Connections</c>); defaults cover the services the platform knows.</summary>
public sealed class ConnectionOptions
{
    public const string Section = "Connections";

    /// <summary>Pooled connections are recycled after this (DNS changes are picked up).</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public Dictionary<string, RemoteServiceOptions> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [RemoteServices.FearGreed] = new RemoteServiceOptions { BaseAddress = new Uri("https://api.alternative.me/") },
        [RemoteServices.Hyperliquid] = new RemoteServiceOptions { BaseAddress = new Uri("https://api.hyperliquid.xyz/"), InitialTimeout = TimeSpan.FromSeconds(2), MaxTimeout = TimeSpan.FromSeconds(10) },
    };
}
