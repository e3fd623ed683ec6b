using ResearchPlatform.Engine.Execution;

namespace ResearchPlatform.Engine.Paper;

/// <summary>The outcome of one strategy in a replay: its trades, orders (with journal state), equity per bar and performance.</summary>
internal sealed record PaperStrategyResult(
    PaperStrategy Strategy,
    PaperPerformance Performance,
    IReadOnlyList<PaperTrade> Trades,
    IReadOnlyList<ManagedOrder> Orders,
    IReadOnlyList<double> Equity,
    decimal FinalEquity)
{
    /// <summary>Journal vs venue after the last bar (null when not checked).</summary>
    public PaperReconciliation? Reconciliation { get; init; }

    /// <summary>For a resumed session: the stored entries re-run and verified, and journal vs venue at that point.</summary>
    public PaperResumeCheck? Resume { get; init; }

    /// <summary>Funding received (negative = paid) over the session, in quote units; in the final equity, apart from fees.</summary>
    public decimal Funding { get; init; }

    /// <summary>The risk manager's events (breaker trips/resets, level changes, rejected or resized entries), oldest first.</summary>
    public IReadOnlyList<Backtesting.RiskAware.RiskBacktestEvent> RiskEvents { get; init; } = [];
}
