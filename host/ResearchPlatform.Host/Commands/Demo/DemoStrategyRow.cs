namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>
/// One line of the demo's summary: the strategy, its genes, its stored backtest figures (walk-forward out of sample, as
/// recorded by the deployment manager), its paper replay figures over the hold-out and its stage. Returns and drawdowns
/// are fractions.
/// </summary>
internal sealed record DemoStrategyRow(
    string Id,
    string Seed,
    string Genes,
    double? BacktestSharpe,
    double? BacktestReturn,
    double? BacktestMaxDrawdown,
    double? PaperSharpe,
    double? PaperReturn,
    double? PaperMaxDrawdown,
    int? Trades,
    int RiskEvents,
    string Stage);
