namespace ResearchPlatform.Cluster.Contracts;

/// <summary>Every metric the local evaluator returns for one window (the engine's WindowMetrics, field for field).</summary>
[GenerateSerializer, Immutable, Alias("rp.WindowMetricsDto")]
internal sealed record WindowMetricsDto(
    [property: Id(0)] double Sharpe,
    [property: Id(1)] double TotalReturn,
    [property: Id(2)] double MaxDrawdown,
    [property: Id(3)] int Trades,
    [property: Id(4)] int Bars,
    [property: Id(5)] double Skewness,
    [property: Id(6)] double Kurtosis);
