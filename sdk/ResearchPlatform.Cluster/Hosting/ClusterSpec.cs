using System.Globalization;

namespace ResearchPlatform.Cluster.Hosting;

/// <summary>
/// The <c>--cluster</c> value: <c>localhost</c> (gateway 30000), <c>localhost:30000,30001</c> (client gateway ports), or
/// <c>redis://HOST:PORT</c> (Redis membership; any StackExchange.Redis option may follow after a comma).
/// </summary>
/// <param name="Kind">Localhost or Redis.</param>
/// <param name="GatewayPorts">Localhost only: the gateway ports a client connects to.</param>
/// <param name="RedisConfiguration">Redis only: the StackExchange.Redis configuration string, e.g. "10.0.0.5:6379".</param>
/// <param name="ClusterId">Orleans cluster id (silos and clients must agree).</param>
/// <param name="ServiceId">Orleans service id.</param>
internal sealed record ClusterSpec(ClusterKind Kind, IReadOnlyList<int> GatewayPorts, string? RedisConfiguration, string ClusterId = "rp-cluster", string ServiceId = "researchplatform")
{
    /// <summary>The default silo port of the primary silo.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The default gateway port of the primary silo.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Parses a <c>--cluster</c> value; throws <see cref="FormatException"/> naming the problem.</summary>
    public static ClusterSpec Parse(string? text)
    {
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0 || t.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ClusterSpec(ClusterKind.Localhost, [DefaultGatewayPort], null);
        }

        if (t.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            var ports = new List<int>();
            foreach (var p in t["localhost:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                ports.Add(int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
                    ? port
                    : throw new FormatException($"--cluster: '{p}' is not a port (expected localhost:PORT[,PORT...])"));
            }

            return ports.Count > 0 ? new ClusterSpec(ClusterKind.Localhost, ports, null) : throw new FormatException("--cluster: localhost: needs at least one gateway port");
        }

        if (t.StartsWith("redis://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = t["redis://".Length..].TrimEnd('/');
            var hostPort = rest.Split(',')[0];
            var colon = hostPort.LastIndexOf(':');
            if (hostPort.Length == 0 || colon <= 0 || !int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is <= 0 or >= 65536)
            {
                throw new FormatException($"--cluster: '{text}' is not redis://HOST:PORT");
            }

            return new ClusterSpec(ClusterKind.Redis, [], rest);
        }

        throw new FormatException($"--cluster: '{text}' is not 'localhost', 'localhost:PORT[,PORT...]' or 'redis://HOST:PORT'");
    }

    /// <inheritdoc />
    public override string ToString() => Kind == ClusterKind.Redis
        ? "redis://" + RedisConfiguration
        : "localhost:" + string.Join(',', GatewayPorts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
