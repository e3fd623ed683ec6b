namespace ResearchPlatform.Sdk.Seeds;

/// <summary>
/// Forward-only producer of target positions for a batch of strategies over one series.
/// Blocks are requested in order, contiguous from bar 0.
/// </summary>
public interface ISignalGenerator
{
    /// <summary>Number of strategies (lanes).</summary>
    int StrategyCount { get; }

    /// <summary>
    /// Writes targets for bars [start, start + count) in time-major layout:
    /// <c>targets[(t - start) * StrategyCount + s]</c>, each in [-1, 1]; 0 during warm-up.
    /// </summary>
    void Fill(int start, int count, Span<double> targets);
}
