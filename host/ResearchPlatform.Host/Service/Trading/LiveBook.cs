using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Paper.Live;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>One live strategy's books for the API views: its pool slot, its runner (order manager) and its journal.</summary>
internal sealed record LiveBook(StrategySlot Slot, LiveStrategyRunner Runner, FileOrderJournal Journal);

/// <summary>
/// The live strategies' state after one traded candle, taken on the live loop's thread (the order managers are not read
/// concurrently with it): when, and per strategy the equity, the realized P&amp;L net of fees and funding, and the
/// exposure (quantity x the candle's close).
/// </summary>
internal sealed record LivePoint(DateTimeOffset T, double[] Equity, double[] Realized, double[] Exposure)
{
    public double Total => Equity.Sum();
}
