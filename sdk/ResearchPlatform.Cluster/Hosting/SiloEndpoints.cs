using System.Net;

namespace ResearchPlatform.Cluster.Hosting;

/// <summary>Ports and address of one silo.</summary>
/// <param name="SiloPort">Silo-to-silo port (default 11111).</param>
/// <param name="GatewayPort">Client gateway port (default 30000).</param>
/// <param name="PrimarySiloPort">Localhost clustering: the primary silo's port (default 11111; a silo whose port equals it is the primary).</param>
/// <param name="AdvertisedAddress">Address other machines reach this silo at (Redis clustering; loopback for localhost).</param>
internal sealed record SiloEndpoints(int SiloPort, int GatewayPort, int PrimarySiloPort, IPAddress AdvertisedAddress);
