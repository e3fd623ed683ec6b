namespace ResearchPlatform.Cluster.Contracts;

/// <summary>Counters of one worker silo since it started.</summary>
/// <param name="Silo">Silo address.</param>
/// <param name="HostName">Machine name.</param>
/// <param name="Cores">Evaluation threads.</param>
/// <param name="Evaluations">Individuals evaluated.</param>
/// <param name="Batches">Batches evaluated.</param>
/// <param name="BusySeconds">Seconds the evaluation threads were busy (summed over threads).</param>
/// <param name="UptimeSeconds">Seconds since the silo's evaluation service started.</param>
/// <param name="EvaluationsPerSecond">Evaluations per busy second of one thread times the threads (its throughput while working).</param>
/// <param name="BusyPercent">Busy seconds over (uptime x cores), in percent.</param>
/// <param name="InFlight">Batches being evaluated or queued right now.</param>
/// <param name="CachedDatasets">Datasets in the silo's cache.</param>
/// <param name="DatasetLoads">Datasets received since start (each one travels at most once unless evicted).</param>
/// <param name="SeedTypes">Seed types the silo loaded, as id@version.</param>
[GenerateSerializer, Immutable, Alias("rp.SiloWorkerStatus")]
internal sealed record SiloWorkerStatus(
    [property: Id(0)] string Silo,
    [property: Id(1)] string HostName,
    [property: Id(2)] int Cores,
    [property: Id(3)] long Evaluations,
    [property: Id(4)] long Batches,
    [property: Id(5)] double BusySeconds,
    [property: Id(6)] double UptimeSeconds,
    [property: Id(7)] double EvaluationsPerSecond,
    [property: Id(8)] double BusyPercent,
    [property: Id(9)] int InFlight,
    [property: Id(10)] int CachedDatasets,
    [property: Id(11)] long DatasetLoads,
    [property: Id(12)] string[] SeedTypes);
