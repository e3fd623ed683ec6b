using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Live;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// One live strategy's books for the API views: its slot, its order manager and journal, and its runner while the live
/// loop trades it. Without a runner (stopped, halted, disaster mode, or a restart before its loop started) the manager
/// is the journal replayed without calling the venue: the views show what the journal holds, nothing trades.
/// </summary>
internal sealed record LiveBook(StrategySlot Slot, OrderManager Manager, IOrderJournal Journal, LiveStrategyRunner? Runner)
{
    public static LiveBook Of(StrategySlot slot, LiveStrategyRunner runner, IOrderJournal journal) => new(slot, runner.Manager, journal, runner);

    /// <summary>The journal at <paramref name="path"/> replayed read-only (no venue call; an absent file is an empty journal).</summary>
    public static LiveBook FromJournal(StrategySlot slot, string path, IExchangeAdapter venue, string prefix, TimeProvider time)
    {
        var journal = new MemoryOrderJournal();
        if (File.Exists(path))
        {
            using var file = new FileOrderJournal(path);
            foreach (var e in file.ReadAll())
            {
                journal.Append(e);
            }
        }

        var manager = new OrderManager(venue, journal, new OrderManagerOptions { ClientIdPrefix = prefix }, time);
        manager.ReplayJournal();
        return new LiveBook(slot, manager, journal, null);
    }
}

/// <summary>
/// The live strategies' state after one traded candle, taken on the live loop's thread (the order managers are not read
/// concurrently with it): when, and per strategy (<see cref="Ids"/>) the equity, the realized P&amp;L net of fees and
/// funding, and the exposure (quantity x the candle's close). A strategy that does not trade keeps its last equity.
/// </summary>
internal sealed record LivePoint(DateTimeOffset T, string[] Ids, double[] Equity, double[] Realized, double[] Exposure)
{
    public double Total => Equity.Sum();

    /// <summary>The equity of strategy <paramref name="id"/> at this point (null when it is not part of it).</summary>
    public double? EquityOf(string id) => Array.IndexOf(Ids, id) is var i and >= 0 ? Equity[i] : null;
}
