namespace ResearchPlatform.Engine.Execution.Quality;

/// <summary>
/// Grade thresholds on adverse slippage vs the arrival price (bps, positive = worse than arrival) and the fill ratio.
/// Defaults: EXCELLENT &lt;= 1 bps and fully filled; GOOD &lt;= 5 bps and &gt;= 95 % filled; FAIR &lt;= 15 bps and
/// &gt;= 50 % filled; POOR anything else with a fill; FAILED nothing filled.
/// </summary>
internal sealed record ExecutionQualityThresholds
{
    public decimal ExcellentBps { get; init; } = 1m;

    public decimal GoodBps { get; init; } = 5m;

    public decimal FairBps { get; init; } = 15m;

    public decimal GoodFillRatio { get; init; } = 0.95m;

    public decimal FairFillRatio { get; init; } = 0.5m;
}
