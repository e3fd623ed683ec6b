namespace ResearchPlatform.Host.Service.Views;

/// <summary>Strategy metrics (fractions: 0.12 = 12 %); trades and win rate are null when the source did not record them.</summary>
internal sealed record MetricsView(double TotalReturn, double Sharpe, double MaxDrawdown, int? Trades, double? WinRate);
