using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Common;

/// <summary>
/// Base of the seed generators: enforces the forward-only contract of <see cref="ISignalGenerator"/> per lane and
/// prepares the work shared by all lanes once per block.
/// </summary>
internal abstract class BlockGenerator : ISignalGenerator
{
    private readonly int[] _next;
    private int _blockStart = -1;
    private int _blockCount = -1;

    protected BlockGenerator(int strategyCount, int barCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(strategyCount, 1);
        StrategyCount = strategyCount;
        BarCount = barCount;
        _next = new int[strategyCount];
    }

    public int StrategyCount { get; }

    protected int BarCount { get; }

    public void Fill(int start, int count, int firstLane, int laneCount, Span<double> targets)
    {
        if (start < 0 || count < 0 || start + count > BarCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"bars [{start}, {start + count}) outside the series' {BarCount} bars");
        }

        if (firstLane < 0 || laneCount < 1 || firstLane + laneCount > StrategyCount)
        {
            throw new ArgumentOutOfRangeException(nameof(laneCount), $"lanes [{firstLane}, {firstLane + laneCount}) outside 0..{StrategyCount - 1}");
        }

        if (targets.Length < count * laneCount)
        {
            throw new ArgumentException($"targets holds {targets.Length} values, {count} bars x {laneCount} lanes need {count * laneCount}", nameof(targets));
        }

        for (var l = firstLane; l < firstLane + laneCount; l++)
        {
            if (_next[l] != start)
            {
                throw new InvalidOperationException($"lane {l}: bars must be requested in order from bar 0 (next is {_next[l]}, asked {start})");
            }
        }

        if (start != _blockStart || count != _blockCount)
        {
            PrepareBlock(start, count);
            _blockStart = start;
            _blockCount = count;
        }

        FillLanes(start, count, firstLane, laneCount, targets);
        for (var l = firstLane; l < firstLane + laneCount; l++)
        {
            _next[l] = start + count;
        }
    }

    /// <summary>Computes the work shared by every lane for bars [start, start + count).</summary>
    protected abstract void PrepareBlock(int start, int count);

    /// <summary>Writes the lanes' targets for the prepared block (layout of <see cref="ISignalGenerator.Fill(int, int, int, int, Span{double})"/>).</summary>
    protected abstract void FillLanes(int start, int count, int firstLane, int laneCount, Span<double> targets);
}
