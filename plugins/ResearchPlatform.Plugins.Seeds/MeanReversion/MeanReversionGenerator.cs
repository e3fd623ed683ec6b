using System.Runtime.CompilerServices;
using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Indicators;

namespace ResearchPlatform.Plugins.Seeds.MeanReversion;

/// <summary>
/// Batch signals of <see cref="MeanReversionSeed"/>: one set of prefix sums of the close serves every lane's mean and
/// deviation (any period); RSI lanes run their own Wilder recursion. Per-lane state: position, entry close, arming.
/// A full group of 8 lanes runs as SIMD lanes (MeanReversionGenerator.Group.cs); this file holds the scalar
/// reference path (one lane per call, partial groups, no Vector512 hardware).
/// </summary>
internal sealed partial class MeanReversionGenerator : BlockGenerator
{
    private const int G = 5;
    private readonly double[] _close;
    private readonly SeriesSums _sums;
    private readonly Lane[] _lanes;
    private readonly LaneState[] _state;

    public MeanReversionGenerator(BarSeries bars, ReadOnlySpan<double> genes, int strategyCount)
        : base(strategyCount, bars.Count)
    {
        _close = bars.Close;
        _sums = new SeriesSums(bars.Close);
        _lanes = new Lane[strategyCount];
        _state = new LaneState[strategyCount];
        for (var s = 0; s < strategyCount; s++)
        {
            var signal = SeedGenes.IntAt(genes, G, s, MeanReversionSeed.SignalGene);
            var period = SeedGenes.IntAt(genes, G, s, MeanReversionSeed.PeriodGene);
            var entry = SeedGenes.At(genes, G, s, MeanReversionSeed.EntryGene);
            var exit = SeedGenes.At(genes, G, s, MeanReversionSeed.ExitGene);
            var m = signal == 0 ? period : period - 1;
            _lanes[s] = new Lane(signal, period, entry, exit, SeedGenes.At(genes, G, s, MeanReversionSeed.StopGene) / 100, m, entry * entry * period, exit * exit * period);
            _state[s] = new LaneState { Rsi = new RsiState(period), ArmedLong = true, ArmedShort = true };
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
                var t = start + r;
                targets[(r * laneCount) + j] = Step(p, ref st, t);
            }
        }
    }

    /// <summary>One bar of one lane: where the deviation stands against the entry and exit bands, then the position rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Step(in Lane p, ref LaneState st, int t)
    {
        var c = _close[t];
        bool belowEntry, aboveEntry, belowExit, aboveExit;
        if (p.Signal == 1)
        {
            var rsi = st.Rsi.Next(c);
            if (double.IsNaN(rsi))
            {
                return 0;
            }

            // RSI bands 50 ± 10 × entry / exit
            belowEntry = rsi < 50 - (10 * p.Entry);
            aboveEntry = rsi > 50 + (10 * p.Entry);
            belowExit = rsi < 50 - (10 * p.Exit);
            aboveExit = rsi > 50 + (10 * p.Exit);
            return Position(p, ref st, c, belowEntry, aboveEntry, belowExit, aboveExit);
        }
        else
        {
            var n = p.Period;
            if (t + 1 < n)
            {
                return 0;
            }

            // z = u / sqrt(n * ssn / m) with u = n * close - Σx, ssn = n Σx² - (Σx)²: compare squares, no sqrt/division
            var s1 = _sums.Sum[t + 1] - _sums.Sum[t + 1 - n];
            var s2 = _sums.Squares[t + 1] - _sums.Squares[t + 1 - n];
            var u = ((c - _sums.Center) * n) - s1;
            var ssn = (s2 * n) - (s1 * s1);
            var u2m = u * u * p.M;

            // non-short-circuit '&': the sign of u flips at random, a branch on it would mispredict half the time
            var beyondEntry = u2m > p.Entry2N * ssn;
            var beyondExit = u2m > p.Exit2N * ssn;
            belowEntry = (u < 0) & beyondEntry;
            aboveEntry = (u > 0) & beyondEntry;
            belowExit = (u < 0) & beyondExit;
            aboveExit = (u > 0) & beyondExit;
            return Position(p, ref st, c, belowEntry, aboveEntry, belowExit, aboveExit);
        }
    }

    /// <summary>The position rule given where the deviation stands against the entry and exit bands.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Position(in Lane p, ref LaneState st, double c, bool belowEntry, bool aboveEntry, bool belowExit, bool aboveExit)
    {

        if (st.Position > 0 && (!belowExit || (p.Stop > 0 && c <= st.EntryClose * (1 - p.Stop))))
        {
            st.ArmedLong = !belowExit;
            st.Position = 0;
        }
        else if (st.Position < 0 && (!aboveExit || (p.Stop > 0 && c >= st.EntryClose * (1 + p.Stop))))
        {
            st.ArmedShort = !aboveExit;
            st.Position = 0;
        }

        st.ArmedLong |= !belowEntry;
        st.ArmedShort |= !aboveEntry;
        if (st.Position == 0)
        {
            if (belowEntry && st.ArmedLong)
            {
                st.Position = 1;
                st.EntryClose = c;
            }
            else if (aboveEntry && st.ArmedShort)
            {
                st.Position = -1;
                st.EntryClose = c;
            }
        }

        return st.Position;
    }

    private readonly record struct Lane(int Signal, int Period, double Entry, double Exit, double Stop, double M, double Entry2N, double Exit2N);

    private struct LaneState
    {
        public RsiState Rsi;
        public double Position;
        public double EntryClose;
        public bool ArmedLong;
        public bool ArmedShort;
    }
}
