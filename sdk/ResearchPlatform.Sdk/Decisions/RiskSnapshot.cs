namespace ResearchPlatform.Sdk.Decisions;

/// <summary>Portfolio risk metrics at decision time. P&amp;L figures are fractions of capital (-0.03 = lost 3 %).</summary>
/// <param name="DailyPnl">Today's P&amp;L.</param>
/// <param name="WeeklyPnl">P&amp;L over the last 7 days.</param>
/// <param name="Volatility">Annualised portfolio volatility as a fraction (0.6 = 60 %).</param>
/// <param name="Drawdown">Current drawdown from the equity peak, positive fraction.</param>
public sealed record RiskSnapshot(double DailyPnl = 0, double WeeklyPnl = 0, double Volatility = 0, double Drawdown = 0);
