namespace ResearchPlatform.Engine.Risk;

/// <summary>Real-time portfolio risk metrics. Fractions are of 1; NaN where there is not enough history yet.</summary>
/// <param name="TotalExposurePct">Sum of position notionals / equity.</param>
/// <param name="PositionCount">Open positions.</param>
/// <param name="DailyPnl">Equity minus the equity at the start of the UTC day.</param>
/// <param name="DailyDrawdownPct">Drop from the day's equity high (including the day's start), fraction.</param>
/// <param name="TotalDrawdownPct">Drop from the all-time equity high, fraction.</param>
/// <param name="PortfolioVolatilityPct">Annualised stdev of the recent per-bar equity returns.</param>
/// <param name="RecentSharpe">Annualised mean / stdev of the recent per-bar equity returns (risk-free 0).</param>
/// <param name="AverageCorrelation">
/// Mean correlation of each held asset's returns with the portfolio's returns; 0 with fewer than two such assets (a
/// single holding is trivially correlated with itself).
/// </param>
/// <param name="ConcentrationPct">Largest position notional / equity.</param>
/// <param name="ConsecutiveLosses">Losing closed trades in a row.</param>
/// <param name="LossStreakPct">Sum of the losing streak's losses / equity at each loss.</param>
/// <param name="TradesLastHour">Fills in the last 60 minutes.</param>
internal sealed record RiskMetrics(
    double TotalExposurePct,
    int PositionCount,
    double DailyPnl,
    double DailyDrawdownPct,
    double TotalDrawdownPct,
    double PortfolioVolatilityPct,
    double RecentSharpe,
    double AverageCorrelation,
    double ConcentrationPct,
    int ConsecutiveLosses,
    double LossStreakPct,
    int TradesLastHour);
