namespace ResearchPlatform.Host.Service.Views;

/// <summary>Strategy metrics (fractions: 0.12 = 12 %).</summary>
internal sealed record MetricsView(double TotalReturn, double Sharpe, double MaxDrawdown, int Trades, double WinRate);
