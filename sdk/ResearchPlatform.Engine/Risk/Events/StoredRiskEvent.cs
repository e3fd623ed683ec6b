namespace ResearchPlatform.Engine.Risk.Events;

/// <summary>One row of <c>risk_events</c>.</summary>
/// <param name="Seq">Order within the source.</param>
/// <param name="Time">When it happened (simulated time in backtests).</param>
/// <param name="Bar">Bar index, when the source is bar-driven.</param>
/// <param name="Kind">level_change, order_rejected, order_resized or flatten.</param>
/// <param name="From">Level before.</param>
/// <param name="To">Level after.</param>
/// <param name="Breakers">Breakers that tripped/reset (level changes) or were active (orders), with values and thresholds.</param>
/// <param name="Detail">Active breakers after a level change, or the verdict's reason.</param>
internal sealed record StoredRiskEvent(int Seq, DateTimeOffset Time, int? Bar, string Kind, string From, string To, string Breakers, string Detail);
