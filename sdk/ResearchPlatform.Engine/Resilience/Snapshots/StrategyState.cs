namespace ResearchPlatform.Engine.Resilience.Snapshots;

/// <summary>
/// One strategy in a <see cref="StateSnapshot"/>: identity (seed and genes), whether it runs, the last bar it processed,
/// its journal file and entry count, its position, net PnL and equity at that bar, its open orders, and the last
/// journal-vs-venue check (null before the first).
/// </summary>
internal sealed record StrategyState(
    string Id,
    string Seed,
    IReadOnlyList<double> Genes,
    bool Running,
    int LastBar,
    string Journal,
    int JournalEntries,
    decimal Position,
    decimal NetPnl,
    double Equity,
    IReadOnlyList<OpenOrderState> OpenOrders,
    ReconciliationState? Reconciliation);
