namespace ResearchPlatform.Host.Bench;

/// <summary>Order-manager overhead per submitted order, in microseconds, for one journal durability mode.</summary>
internal sealed record OrderBenchResult(
    string Journal,
    int Orders,
    double P50Us,
    double P90Us,
    double P99Us,
    double P999Us,
    double MaxUs,
    double MeanUs,
    double OrdersPerSecond);
