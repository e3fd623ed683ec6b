namespace ResearchPlatform.Sdk.Seeds;

/// <summary>
/// Forward-only producer of target positions for a batch of strategies (lanes) over one series.
/// <para>
/// Contract: bars are requested in blocks; for every lane, its blocks must be requested in order and contiguously
/// from bar 0 (a generator may keep per-lane state such as "last crossover"). Within one block, lanes may be requested
/// in any grouping; a generator caches the work shared by all lanes of the current block (e.g. one rolling-mean table
/// row per bar serving every window), so the cheapest order is: for each block, every lane group in turn.
/// A generator is not thread-safe: use one per thread (create one per strategy chunk).
/// </para>
/// </summary>
public interface ISignalGenerator
{
    /// <summary>Number of strategies (lanes).</summary>
    int StrategyCount { get; }

    /// <summary>
    /// Writes targets for bars [start, start + count) of lanes [firstLane, firstLane + laneCount) in time-major
    /// layout: <c>targets[(t - start) * laneCount + (lane - firstLane)]</c>, each in [-1, 1] (sign = direction,
    /// magnitude = fraction of equity), decided at bar t's close from data up to that close; 0 during warm-up.
    /// </summary>
    void Fill(int start, int count, int firstLane, int laneCount, Span<double> targets);

    /// <summary>Writes targets of every lane for bars [start, start + count): <c>targets[(t - start) * StrategyCount + s]</c>.</summary>
    void Fill(int start, int count, Span<double> targets) => Fill(start, count, 0, StrategyCount, targets);
}
