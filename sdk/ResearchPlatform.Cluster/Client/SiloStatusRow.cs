using ResearchPlatform.Cluster.Contracts;

namespace ResearchPlatform.Cluster.Client;

/// <summary>One silo of <c>rp cluster status</c>.</summary>
/// <param name="Silo">Silo address.</param>
/// <param name="Status">Membership status (Active, Joining, ShuttingDown, Dead, ...).</param>
/// <param name="Worker">Its evaluation counters (active silos that answered).</param>
/// <param name="Error">Why the counters are missing, when they are.</param>
internal sealed record SiloStatusRow(string Silo, string Status, SiloWorkerStatus? Worker, string? Error);
