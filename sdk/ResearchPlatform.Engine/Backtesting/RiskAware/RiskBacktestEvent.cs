using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Backtesting.RiskAware;

/// <summary>One risk event of a risk-aware backtest.</summary>
/// <param name="Bar">Bar index: the bar whose close caused a level change, or the bar of the order's fill.</param>
/// <param name="Time">Level changes: the bar's close time; orders: the fill time (open time for next-open fills, close time otherwise).</param>
/// <param name="Kind">What happened.</param>
/// <param name="From">Level before (equal to <paramref name="To"/> for order events).</param>
/// <param name="To">Level after.</param>
/// <param name="Breakers">Level changes: the breakers that tripped or reset, with their values and thresholds; orders: the active breakers.</param>
/// <param name="Detail">Level changes: the breakers active afterwards; orders: the verdict's reason with quantities.</param>
public sealed record RiskBacktestEvent(int Bar, DateTimeOffset Time, RiskEventKind Kind, RiskLevel From, RiskLevel To, string Breakers, string Detail);
