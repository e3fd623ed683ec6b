using System.Runtime.CompilerServices;
using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Indicators;

namespace ResearchPlatform.Plugins.Seeds.Volatility;

/// <summary>
/// Batch signals of <see cref="VolatilitySeed"/>: prefix sums of squared log returns and of the close serve every
/// lane's realized volatility and trend SMA (any window); ATR lanes run two Wilder recursions each. A full group of 8
/// lanes runs as SIMD lanes (VolatilityGenerator.Group.cs); this file holds the scalar reference path.
/// </summary>
internal sealed partial class VolatilityGenerator : BlockGenerator
{
    private const int G = 6;
    private readonly double[] _close;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly SeriesSums _closeSums;
    private readonly double[] _r2;
    private readonly double _barsPerYear;
    private readonly Lane[] _lanes;
    private readonly LaneState[] _state;

    public VolatilityGenerator(BarSeries bars, ReadOnlySpan<double> genes, int strategyCount)
        : base(strategyCount, bars.Count)
    {
        _close = bars.Close;
        _high = bars.High;
        _low = bars.Low;
        _closeSums = new SeriesSums(bars.Close);
        var r = RealizedVolatility.LogReturns(bars.Close);
        _r2 = new double[r.Length + 1];
        for (var i = 0; i < r.Length; i++)
        {
            _r2[i + 1] = _r2[i] + (r[i] * r[i]);
        }

        _barsPerYear = 365.0 * 86_400_000 / bars.Interval.Milliseconds;
        _lanes = new Lane[strategyCount];
        _state = new LaneState[strategyCount];
        for (var s = 0; s < strategyCount; s++)
        {
            var shortP = SeedGenes.IntAt(genes, G, s, VolatilitySeed.ShortGene);
            var longP = SeedGenes.IntAt(genes, G, s, VolatilitySeed.LongGene);
            var ratio = SeedGenes.At(genes, G, s, VolatilitySeed.RatioGene);
            _lanes[s] = new Lane(
                SeedGenes.IntAt(genes, G, s, VolatilitySeed.MeasureGene) == 1,
                shortP,
                longP,
                ratio,
                ratio * ratio * shortP / longP,
                SeedGenes.IntAt(genes, G, s, VolatilitySeed.TrendGene),
                SeedGenes.At(genes, G, s, VolatilitySeed.TargetGene) / 100);
            _state[s] = new LaneState { AtrShort = new AtrState(shortP), AtrLong = new AtrState(longP) };
        }

        _groups = new GroupPlan?[strategyCount / 8];
    }

    protected override void PrepareBlock(int start, int count)
    {
    }

    protected override void FillLanes(int start, int count, int firstLane, int laneCount, Span<double> targets)
    {
        if (UseGroupPath && laneCount == 8 && firstLane % 8 == 0)
        {
            FillGroup(start, count, firstLane / 8, targets);
            return;
        }

        for (var j = 0; j < laneCount; j++)
        {
            var lane = firstLane + j;
            if (lane / 8 < _groups.Length && _groups[lane / 8] is not null)
            {
                throw new InvalidOperationException($"lane {lane}: its group runs on the SIMD path, it cannot be served alone");
            }

            var p = _lanes[lane];
            ref var st = ref _state[lane];
            for (var r = 0; r < count; r++)
            {
                targets[(r * laneCount) + j] = Step(p, ref st, start + r);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Step(in Lane p, ref LaneState st, int t)
    {
        bool calm;
        if (p.Atr)
        {
            var a = st.AtrShort.Next(_high[t], _low[t], _close[t]);
            var b = st.AtrLong.Next(_high[t], _low[t], _close[t]);
            calm = a < p.Ratio * b;
        }
        else
        {
            calm = t >= p.Long && (_r2[t + 1] - _r2[t + 1 - p.Short]) < p.Ratio2 * (_r2[t + 1] - _r2[t + 1 - p.Long]);
        }

        if (t < p.Long || t + 1 < p.Trend || !calm)
        {
            st.Position = 0;
            return 0;
        }

        var mean = (_closeSums.Sum[t + 1] - _closeSums.Sum[t + 1 - p.Trend]) / p.Trend;
        var d = _close[t] - _closeSums.Center - mean;
        var dir = (d > 0 ? 1 : 0) - (d < 0 ? 1 : 0);
        if (dir == 0)
        {
            st.Position = 0;
        }
        else if (Math.Sign(st.Position) != dir)
        {
            st.Position = Sized(p, dir, t);
        }

        return st.Position;
    }

    /// <summary>The position of a new trade in direction <paramref name="dir"/>: volatility-targeted size, 0.01 steps.</summary>
    private double Sized(in Lane p, int dir, int t)
    {
        var vol = Math.Sqrt(Variance(t, p.Long) * _barsPerYear);
        var size = vol > 0 ? Math.Min(1, p.Target / vol) : 1;
        return dir * Math.Max(0.01, Math.Round(size, 2));
    }

    /// <summary>Mean squared log return over the n returns ending at t.</summary>
    private double Variance(int t, int n) => (_r2[t + 1] - _r2[t + 1 - n]) / n;

    /// <summary>Ratio2 = ratio² × short / long: compares window sums of squared returns without dividing.</summary>
    private readonly record struct Lane(bool Atr, int Short, int Long, double Ratio, double Ratio2, int Trend, double Target);

    private struct LaneState
    {
        public AtrState AtrShort;
        public AtrState AtrLong;
        public double Position;
    }
}
