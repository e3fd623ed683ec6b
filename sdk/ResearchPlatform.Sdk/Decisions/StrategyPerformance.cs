namespace ResearchPlatform.Sdk.Decisions;

/// <summary>Performance of one strategy over one stage (backtest, paper or live). Returns and drawdowns are fractions.</summary>
/// <param name="Sharpe">Annualised Sharpe ratio.</param>
/// <param name="TotalReturn">Total return as a fraction (0.12 = +12 %).</param>
/// <param name="MaxDrawdown">Maximum drawdown as a positive fraction (0.2 = 20 %).</param>
/// <param name="Days">Days observed in this stage.</param>
/// <param name="NegativeSharpeDays">Consecutive most recent days with a negative rolling Sharpe.</param>
/// <param name="Trades">Closed trades in this stage, when known (null = not reported; rules then do not gate on it).</param>
public sealed record StrategyPerformance(double Sharpe, double TotalReturn, double MaxDrawdown, int Days, int NegativeSharpeDays = 0, int? Trades = null);
