using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Indicators;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Plugins.Seeds.Momentum;

/// <summary>
/// Batch signals of <see cref="MomentumSeed"/>. Per block it builds one time-major row per bar holding every SMA window
/// used (from compensated prefix sums, 8 windows per vector), every EMA window (8 recursion steps per vector) and
/// every rate-of-change lookback (the SMA(fast) of <c>slow</c> bars ago), in that order; an aligned group of 8 lanes
/// with one moving average, the same fast window and consecutive slow windows then reads its slow lines as one
/// contiguous vector; any other group of 8 lanes (several fast windows, mixed modes, SMA, EMA and ROC lanes mixed)
/// gathers its fast and slow values per lane from the same row into vectors. Partial groups take the scalar path. All
/// three paths perform the identical operations per lane.
/// </summary>
internal sealed class MomentumGenerator : BlockGenerator
{
    private const int L = 8;
    private readonly double[] _close;
    private readonly PrefixSums _sums;
    private readonly Lane[] _lanes;
    private readonly double[] _prevDiff;
    private readonly double[] _last;
    private readonly Group[] _groups;
    private readonly int[] _smaWindows;
    private readonly int[] _emaWindows;
    private readonly (int Fast, int Slow)[] _rocs;
    private readonly int _width;
    private readonly double[] _emaRow;
    private readonly double[] _emaAlpha;
    private double[] _table = [];

    public MomentumGenerator(BarSeries bars, ReadOnlySpan<double> genes, int strategyCount)
        : base(strategyCount, bars.Count)
    {
        _close = bars.Close;
        _sums = PrefixSums.Of(bars.Close);
        _lanes = new Lane[strategyCount];
        const int G = 4;
        var sma = new SortedSet<int>();
        var ema = new SortedSet<int>();
        var rocs = new SortedSet<(int, int)>();
        var raw = new (bool Cross, int Ma, int Fast, int Slow)[strategyCount];
        for (var s = 0; s < strategyCount; s++)
        {
            var ma = SeedGenes.IntAt(genes, G, s, MomentumSeed.MaGene);
            var fast = SeedGenes.IntAt(genes, G, s, MomentumSeed.FastGene);
            var slow = SeedGenes.IntAt(genes, G, s, MomentumSeed.SlowGene);
            raw[s] = (SeedGenes.IntAt(genes, G, s, MomentumSeed.ModeGene) == 0, ma, fast, slow);
            var set = ma == 1 ? ema : sma;
            set.Add(fast);
            if (ma != 2)
            {
                set.Add(slow);
            }
            else
            {
                rocs.Add((fast, slow));
            }
        }

        // only the windows some lane uses: one column each, SMA | EMA | ROC in one row
        _smaWindows = [.. sma];
        _emaWindows = [.. ema];
        _rocs = [.. rocs];
        _width = _smaWindows.Length + _emaWindows.Length + _rocs.Length;
        for (var s = 0; s < strategyCount; s++)
        {
            var (cross, ma, fast, slow) = raw[s];
            var (fastCol, slowCol) = ma switch
            {
                1 => (_smaWindows.Length + Array.BinarySearch(_emaWindows, fast), _smaWindows.Length + Array.BinarySearch(_emaWindows, slow)),
                2 => (Array.BinarySearch(_smaWindows, fast), _smaWindows.Length + _emaWindows.Length + Array.BinarySearch(_rocs, (fast, slow))),
                _ => (Array.BinarySearch(_smaWindows, fast), Array.BinarySearch(_smaWindows, slow)),
            };
            _lanes[s] = new Lane(cross, ma, fast, slow, fastCol, slowCol);
        }

        _prevDiff = new double[strategyCount];
        _prevDiff.AsSpan().Fill(double.NaN);
        _last = new double[strategyCount];
        _emaRow = new double[_emaWindows.Length];
        _emaRow.AsSpan().Fill(double.NaN);
        _emaAlpha = new double[_emaWindows.Length];
        for (var j = 0; j < _emaWindows.Length; j++)
        {
            _emaAlpha[j] = 2.0 / (_emaWindows[j] + 1);
        }

        _groups = new Group[strategyCount / L];
        for (var g = 0; g < _groups.Length; g++)
        {
            _groups[g] = Plan(g * L);
        }
    }

    protected override void PrepareBlock(int start, int count)
    {
        Ensure(ref _table, count * _width);
        Span<int> ends = stackalloc int[8];
        Span<int> lengths = stackalloc int[8];
        if (_smaWindows.Length > 0)
        {
            _sums.FillMeanTable(start, count, _smaWindows, _table, _width);
        }

        for (var r = 0; r < count; r++)
        {
            var t = start + r;
            if (_emaWindows.Length > 0)
            {
                StepEma(t);
                _emaRow.CopyTo(_table, (r * _width) + _smaWindows.Length);
            }

            var roc = (r * _width) + _smaWindows.Length + _emaWindows.Length;
            var k = 0;
            for (; k + 8 <= _rocs.Length; k += 8)
            {
                for (var i = 0; i < 8; i++)
                {
                    ends[i] = t - _rocs[k + i].Slow;
                    lengths[i] = _rocs[k + i].Fast;
                }

                _sums.WindowMeans(ends, lengths).StoreUnsafe(ref _table[roc + k]);
            }

            for (; k < _rocs.Length; k++)
            {
                var (fast, slow) = _rocs[k];
                _table[roc + k] = t - slow >= 0 ? _sums.WindowMean(t - slow, fast) : double.NaN;
            }
        }
    }

    protected override void FillLanes(int start, int count, int firstLane, int laneCount, Span<double> targets)
    {
        if (laneCount == L && firstLane % L == 0)
        {
            var g = _groups[firstLane / L];
            if (g.Contiguous)
            {
                FillGroup(g, count, firstLane, targets);
                return;
            }

            if (g.Gather is not null)
            {
                FillGathered(g, count, firstLane, targets);
                return;
            }
        }

        for (var j = 0; j < laneCount; j++)
        {
            FillLane(start, count, firstLane + j, targets, j, laneCount);
        }
    }

    private void FillGroup(Group g, int count, int firstLane, Span<double> targets)
    {
        var width = _width;
        ref var tb = ref MemoryMarshal.GetArrayDataReference(_table);
        ref var outRef = ref MemoryMarshal.GetReference(targets);
        var prev = Vector512.LoadUnsafe(ref _prevDiff[firstLane]);
        var last = Vector512.LoadUnsafe(ref _last[firstLane]);
        var one = V.One;
        var minus = -V.One;
        for (var r = 0; r < count; r++)
        {
            var rowAt = (nuint)(r * width);
            var fast = Vector512.Create(Unsafe(ref tb, rowAt + (nuint)g.FastCol));
            var slow = Vector512.LoadUnsafe(ref tb, rowAt + (nuint)g.SlowCol0);
            var d = fast - slow;
            V target;
            if (g.Cross)
            {
                var up = Vector512.LessThan(prev, V.Zero) & Vector512.GreaterThan(d, V.Zero);
                var down = Vector512.GreaterThan(prev, V.Zero) & Vector512.LessThan(d, V.Zero);
                target = Vector512.ConditionalSelect(up, one, Vector512.ConditionalSelect(down, minus, last));
                last = target;
            }
            else
            {
                target = Vector512.ConditionalSelect(Vector512.GreaterThan(d, V.Zero), one, Vector512.ConditionalSelect(Vector512.LessThan(d, V.Zero), minus, V.Zero));
            }

            prev = d;
            target.StoreUnsafe(ref outRef, (nuint)(r * L));
        }

        prev.StoreUnsafe(ref _prevDiff[firstLane]);
        last.StoreUnsafe(ref _last[firstLane]);
    }

    /// <summary>
    /// A group of 8 lanes with any moving averages, windows and modes: the fast and slow values are gathered per lane
    /// from the block's table row, then the same vector comparisons as <see cref="FillGroup"/> run, selecting the
    /// cross or state rule per lane.
    /// </summary>
    private void FillGathered(Group g, int count, int firstLane, Span<double> targets)
    {
        var width = _width;
        ref var tb = ref MemoryMarshal.GetArrayDataReference(_table);
        ref var outRef = ref MemoryMarshal.GetReference(targets);
        var c = g.Gather!;
        var prev = Vector512.LoadUnsafe(ref _prevDiff[firstLane]);
        var last = Vector512.LoadUnsafe(ref _last[firstLane]);
        var cross = g.CrossMask;
        var one = V.One;
        var minus = -V.One;
        for (var r = 0; r < count; r++)
        {
            ref var row = ref System.Runtime.CompilerServices.Unsafe.Add(ref tb, (nuint)(r * width));
            var fast = Vector512.Create(
                At(ref row, c[0]), At(ref row, c[1]), At(ref row, c[2]), At(ref row, c[3]),
                At(ref row, c[4]), At(ref row, c[5]), At(ref row, c[6]), At(ref row, c[7]));
            var slow = Vector512.Create(
                At(ref row, c[8]), At(ref row, c[9]), At(ref row, c[10]), At(ref row, c[11]),
                At(ref row, c[12]), At(ref row, c[13]), At(ref row, c[14]), At(ref row, c[15]));
            var d = fast - slow;
            var up = Vector512.LessThan(prev, V.Zero) & Vector512.GreaterThan(d, V.Zero);
            var down = Vector512.GreaterThan(prev, V.Zero) & Vector512.LessThan(d, V.Zero);
            var crossTarget = Vector512.ConditionalSelect(up, one, Vector512.ConditionalSelect(down, minus, last));
            var stateTarget = Vector512.ConditionalSelect(Vector512.GreaterThan(d, V.Zero), one, Vector512.ConditionalSelect(Vector512.LessThan(d, V.Zero), minus, V.Zero));
            var target = Vector512.ConditionalSelect(cross, crossTarget, stateTarget);
            last = Vector512.ConditionalSelect(cross, crossTarget, last);
            prev = d;
            target.StoreUnsafe(ref outRef, (nuint)(r * L));
        }

        prev.StoreUnsafe(ref _prevDiff[firstLane]);
        last.StoreUnsafe(ref _last[firstLane]);
    }

    private static double At(ref double row, int column) => System.Runtime.CompilerServices.Unsafe.Add(ref row, column);

    private void FillLane(int start, int count, int lane, Span<double> targets, int column, int laneCount)
    {
        var p = _lanes[lane];
        var prev = _prevDiff[lane];
        var last = _last[lane];
        var table = _table;
        var width = _width;
        for (var r = 0; r < count; r++)
        {
            var a = table[(r * width) + p.FastCol];
            var b = table[(r * width) + p.SlowCol];
            var d = a - b;
            double target;
            if (p.Cross)
            {
                target = prev < 0 && d > 0 ? 1 : prev > 0 && d < 0 ? -1 : last;
                last = target;
            }
            else
            {
                target = d > 0 ? 1 : d < 0 ? -1 : 0;
            }

            prev = d;
            targets[(r * laneCount) + column] = target;
        }

        _prevDiff[lane] = prev;
        _last[lane] = last;
    }

    private void StepEma(int t)
    {
        var x = _close[t];
        var j = 0;

        // windows are ascending: 8 of them past their seed bar step as one vector (row + alpha * (x - row))
        var vx = Vector512.Create(x);
        for (; j + 8 <= _emaWindows.Length && t >= _emaWindows[j + 7]; j += 8)
        {
            var row = Vector512.LoadUnsafe(ref _emaRow[j]);
            (row + (Vector512.LoadUnsafe(ref _emaAlpha[j]) * (vx - row))).StoreUnsafe(ref _emaRow[j]);
        }

        for (; j < _emaWindows.Length; j++)
        {
            var w = _emaWindows[j];
            if (t >= w)
            {
                _emaRow[j] += _emaAlpha[j] * (x - _emaRow[j]);
            }
            else if (t == w - 1)
            {
                _emaRow[j] = _sums.WindowMean(t, w);
            }
        }
    }

    private Group Plan(int first)
    {
        var p0 = _lanes[first];
        var ok = p0.Ma != 2;
        var gather = new int[2 * L];
        var cross = new double[L];
        for (var j = 0; j < L; j++)
        {
            var p = _lanes[first + j];
            ok = ok && p.Ma == p0.Ma && p.Cross == p0.Cross && p.FastCol == p0.FastCol && p.SlowCol == p0.SlowCol + j;
            gather[j] = p.FastCol;
            gather[L + j] = p.SlowCol;
            cross[j] = p.Cross ? BitConverter.Int64BitsToDouble(-1) : 0; // all bits set: a select mask
        }

        return new Group(ok, p0.Cross, p0.FastCol, p0.SlowCol, ok ? null : gather, Vector512.Create(cross));
    }

    private static double Unsafe(ref double table, nuint index) => System.Runtime.CompilerServices.Unsafe.Add(ref table, index);

    private static void Ensure(ref double[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new double[size];
        }
    }

    private readonly record struct Lane(bool Cross, int Ma, int Fast, int Slow, int FastCol, int SlowCol);

    private readonly record struct Group(bool Contiguous, bool Cross, int FastCol, int SlowCol0, int[]? Gather, V CrossMask);
}
