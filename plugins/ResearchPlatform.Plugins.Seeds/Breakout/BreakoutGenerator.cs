using System.Runtime.CompilerServices;
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

    protected override void FillLanes(int start, int count, int firstLane, int laneCount, Span<double> targets)
    {
        for (var j = 0; j < laneCount; j++)
        {
            var lane = firstLane + j;
            var p = _lanes[lane];
            var pos = _position[lane];
            for (var r = 0; r < count; r++)
            {
                pos = Step(p, pos, start + r);
                targets[(r * laneCount) + j] = pos;
            }

            _position[lane] = pos;
        }
    }

    /// <summary>One bar: channels of the previous bars (current excluded), breakout beyond them by atr_mult × ATR.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Step(Lane p, double pos, int t)
    {
        var atr = p.Atr[t];
        if (t < p.Entry || double.IsNaN(atr))
        {
            return 0;
        }

        // window [t - n, t - 1] from the lane's sparse-table level: max(row[t - n], row[t - span])
        var c = _close[t];
        var margin = p.Mult * atr;
        if (pos <= 0 && c > Math.Max(p.EntryMax[t - p.Entry], p.EntryMax[t - p.EntrySpan]) + margin)
        {
            return 1;
        }

        if (pos >= 0 && c < Math.Min(p.EntryMin[t - p.Entry], p.EntryMin[t - p.EntrySpan]) - margin)
        {
            return -1;
        }

        if (pos > 0 && c < Math.Min(p.ExitMin[t - p.Exit], p.ExitMin[t - p.ExitSpan]))
        {
            return 0;
        }

        if (pos < 0 && c > Math.Max(p.ExitMax[t - p.Exit], p.ExitMax[t - p.ExitSpan]))
        {
            return 0;
        }

        return pos;
    }

    private sealed record Lane(int Entry, int Exit, double Mult, double[] Atr, double[] EntryMax, double[] EntryMin, int EntrySpan, double[] ExitMax, double[] ExitMin, int ExitSpan);
}
