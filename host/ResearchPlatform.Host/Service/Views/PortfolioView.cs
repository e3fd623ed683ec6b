namespace ResearchPlatform.Host.Service.Views;

/// <summary>GET /api/portfolio (the SSE snapshot carries it without the curve).</summary>
internal sealed record PortfolioView(
    double Equity,
    double Cash,
    double RealizedPnl,
    double UnrealizedPnl,
    double TodayPnl,
    double DrawdownPct,
    double MaxDrawdownPct,
    DateTimeOffset? AsOf,
    int BarsReplayed,
    IReadOnlyList<EquityPoint>? EquityCurve);
