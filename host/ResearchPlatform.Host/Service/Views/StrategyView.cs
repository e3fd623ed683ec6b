namespace ResearchPlatform.Host.Service.Views;

/// <summary>GET /api/strategies row; <see cref="Controllable"/> = traded by this service (start/stop apply).</summary>
internal sealed record StrategyView(
    string Id,
    string SeedType,
    string PluginVersion,
    IReadOnlyDictionary<string, double> Genes,
    string Stage,
    bool Running,
    MetricsView? Backtest,
    MetricsView? OutOfSample,
    MetricsView? Paper,
    IReadOnlyList<EquityPoint> EquityCurve,
    bool Controllable = true);
