namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Trading state pushed by the trading path: PnL (quote currency), Sharpe, drawdown and exposure as fractions of equity,
/// win rate 0..1 and the risk manager's level (0 = normal, higher = more restricted).
/// </summary>
public sealed record TradingMetrics(double Pnl, double Sharpe, double Drawdown, double WinRate, double Exposure, int RiskLevel);
