using System.Runtime.CompilerServices;
using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Indicators;

namespace ResearchPlatform.Plugins.Seeds.Breakout;

/// <summary>
/// Batch signals of <see cref="BreakoutSeed"/>: one sparse table of highs and lows answers every lane's channel
/// (any length) in O(1); ATR series are computed once per distinct period and shared.
/// </summary>
internal sealed class BreakoutGenerator : BlockGenerator
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
        var atrs = new Dictionary<int, double[]>();
        for (var s = 0; s < strategyCount; s++)
        {
            var atrPeriod = SeedGenes.IntAt(genes, G, s, BreakoutSeed.AtrGene);
            if (!atrs.TryGetValue(atrPeriod, out var atr))
            {
                atr = Atr.Compute(bars.High, bars.Low, bars.Close, atrPeriod);
                atrs[atrPeriod] = atr;
            }

            _lanes[s] = new Lane(
                SeedGenes.IntAt(genes, G, s, BreakoutSeed.EntryGene),
                SeedGenes.IntAt(genes, G, s, BreakoutSeed.ExitGene),
                SeedGenes.At(genes, G, s, BreakoutSeed.MultGene),
                atr);
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

        var c = _close[t];
        var margin = p.Mult * atr;
        if (pos <= 0 && c > _extremes.Max(t - 1, p.Entry) + margin)
        {
            return 1;
        }

        if (pos >= 0 && c < _extremes.Min(t - 1, p.Entry) - margin)
        {
            return -1;
        }

        if (pos > 0 && c < _extremes.Min(t - 1, p.Exit))
        {
            return 0;
        }

        if (pos < 0 && c > _extremes.Max(t - 1, p.Exit))
        {
            return 0;
        }

        return pos;
    }

    private sealed record Lane(int Entry, int Exit, double Mult, double[] Atr);
}
