namespace ResearchPlatform.Engine.Resilience.Snapshots;

/// <summary>
/// An operator control in a <see cref="StateSnapshot"/>, applied after bar <paramref name="Bar"/> (-1 = before the
/// first): <c>stop</c>/<c>start</c> a strategy, <c>halt</c> (emergency stop) / <c>resume</c> trading, or
/// <c>position_sync</c> (the strategy's book adopted <paramref name="Quantity"/> at <paramref name="EntryPrice"/>). A
/// restore re-applies each one at its bar, so the re-run reproduces the journals and the restored process continues in
/// the state the operator left it in.
/// </summary>
internal sealed record ControlRecord(int Bar, string Action, DateTimeOffset At, string? Strategy = null, string? Reason = null, string? Symbol = null, decimal? Quantity = null, decimal? EntryPrice = null);
