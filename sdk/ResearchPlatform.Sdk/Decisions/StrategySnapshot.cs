namespace ResearchPlatform.Sdk.Decisions;

/// <summary>One strategy of the pool with its performance per stage (null where it has not run).</summary>
/// <param name="Id">Strategy id.</param>
/// <param name="Stage">Current stage.</param>
/// <param name="Backtest">Backtest performance.</param>
/// <param name="Paper">Paper-trading performance.</param>
/// <param name="Live">Live performance.</param>
public sealed record StrategySnapshot(
    string Id,
    StrategyStage Stage,
    StrategyPerformance? Backtest = null,
    StrategyPerformance? Paper = null,
    StrategyPerformance? Live = null);
