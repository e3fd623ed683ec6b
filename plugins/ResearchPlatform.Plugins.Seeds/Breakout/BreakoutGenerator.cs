using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Indicators;

namespace ResearchPlatform.Plugins.Seeds.Breakout;

/// <summary>
/// Batch signals of <see cref="BreakoutSeed"/>: one sparse table of highs and lows answers every lane's channel
/// (any length) in O(1); ATR series are computed once per distinct period and shared, 8 periods per vector
/// (BreakoutGenerator.Atr.cs). The lanes run scalar (their short-circuit rule reads less than a SIMD gather would).
/// </summary>
internal sealed partial class BreakoutGenerator : BlockGenerator
{
    private const int G = 4;
    private readonly double[] _close;
    private readonly RangeExtremes _extremes;
    private readonly Lane[] _lanes;
    private readonly double[] _position;

    public BreakoutGenerator(BarSeries bars, ReadOnlySpan<double> genes, int strategyCount)
        : base(strategyCount, bars.Count)
    {
        _close = bars.Close;
        _extremes = new RangeExtremes(bars.High, bars.Low);
        _lanes = new Lane[strategyCount];
        _position = new double[strategyCount];
        var periods = new SortedSet<int>();
        for (var s = 0; s < strategyCount; s++)
        {
            periods.Add(SeedGenes.IntAt(genes, G, s, BreakoutSeed.AtrGene));
        }

        var atrs = AtrSeries(bars, [.. periods]);
        for (var s = 0; s < strategyCount; s++)
        {
            var atr = atrs[SeedGenes.IntAt(genes, G, s, BreakoutSeed.AtrGene)];
            var entry = SeedGenes.IntAt(genes, G, s, BreakoutSeed.EntryGene);
            var exit = SeedGenes.IntAt(genes, G, s, BreakoutSeed.ExitGene);
            var (entryMax, entryMin, entrySpan) = _extremes.Level(entry);
            var (exitMax, exitMin, exitSpan) = _extremes.Level(exit);
            _lanes[s] = new Lane(entry, exit, SeedGenes.At(genes, G, s, BreakoutSeed.MultGene), atr, entryMax, entryMin, entrySpan, exitMax, exitMin, exitSpan);
        }
    }

    protected override void PrepareBlock(int start, int count)
    {
    }

    /// <summary>
    /// Each lane over the block, the rule of <see cref="BreakoutSeed"/> per bar: channels of the previous bars (current
    /// excluded) from the lane's sparse-table level, max(row[t - n], row[t - span]); a breakout must clear them by
    /// atr_mult × ATR. The lane's arrays and constants are held in locals and read without bounds checks (every index
    /// is in range: t - n &gt;= 0 once t &gt;= entry_period, and span &lt;= n); the arithmetic is the plain rule's.
    /// </summary>
    protected override void FillLanes(int start, int count, int firstLane, int laneCount, Span<double> targets)
    {
        ref var close = ref MemoryMarshal.GetArrayDataReference(_close);
        ref var tg = ref MemoryMarshal.GetReference(targets);
        for (var j = 0; j < laneCount; j++)
        {
            var lane = firstLane + j;
            var p = _lanes[lane];
            var pos = _position[lane];
            var (entry, entrySpan, exit, exitSpan, mult) = (p.Entry, p.EntrySpan, p.Exit, p.ExitSpan, p.Mult);
            ref var atr = ref MemoryMarshal.GetArrayDataReference(p.Atr);
            ref var entryMax = ref MemoryMarshal.GetArrayDataReference(p.EntryMax);
            ref var entryMin = ref MemoryMarshal.GetArrayDataReference(p.EntryMin);
            ref var exitMax = ref MemoryMarshal.GetArrayDataReference(p.ExitMax);
            ref var exitMin = ref MemoryMarshal.GetArrayDataReference(p.ExitMin);
            var r = 0;

            // warm-up: flat before entry_period bars of history
            for (; r < count && start + r < entry; r++)
            {
                pos = 0;
                Unsafe.Add(ref tg, (r * laneCount) + j) = 0;
            }

            for (; r < count; r++)
            {
                var t = start + r;
                var a = Unsafe.Add(ref atr, t);
                if (double.IsNaN(a))
                {
                    pos = 0;
                }
                else
                {
                    var c = Unsafe.Add(ref close, t);
                    var margin = mult * a;
                    if (pos <= 0 && c > Math.Max(Unsafe.Add(ref entryMax, t - entry), Unsafe.Add(ref entryMax, t - entrySpan)) + margin)
                    {
                        pos = 1;
                    }
                    else if (pos >= 0 && c < Math.Min(Unsafe.Add(ref entryMin, t - entry), Unsafe.Add(ref entryMin, t - entrySpan)) - margin)
                    {
                        pos = -1;
                    }
                    else if ((pos > 0 && c < Math.Min(Unsafe.Add(ref exitMin, t - exit), Unsafe.Add(ref exitMin, t - exitSpan)))
                        || (pos < 0 && c > Math.Max(Unsafe.Add(ref exitMax, t - exit), Unsafe.Add(ref exitMax, t - exitSpan))))
                    {
                        pos = 0;
                    }
                }

                Unsafe.Add(ref tg, (r * laneCount) + j) = pos;
            }

            _position[lane] = pos;
        }
    }

    private sealed record Lane(int Entry, int Exit, double Mult, double[] Atr, double[] EntryMax, double[] EntryMin, int EntrySpan, double[] ExitMax, double[] ExitMin, int ExitSpan);
}
