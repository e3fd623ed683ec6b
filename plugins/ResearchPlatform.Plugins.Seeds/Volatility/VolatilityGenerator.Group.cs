using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Indicators;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Plugins.Seeds.Volatility;

/// <summary>
/// The SIMD group path: 8 lanes (realized and ATR lanes mixed, any windows) per Vector512. Window sums are gathered per
/// lane from the shared prefix sums; the ATR lanes' Wilder averages run as vectors over the one true range of the bar;
/// the regime and direction rules run as masks. Only a new trade's size (square root, rounding to 0.01) is computed per
/// lane with the scalar <see cref="Sized"/>; it is rare. The same IEEE operations as <see cref="Step"/> per lane, so the
/// targets are bit-identical.
/// </summary>
internal sealed partial class VolatilityGenerator
{
    private readonly GroupPlan?[] _groups;

    /// <summary>Whether full groups take the SIMD path (Vector512 in hardware); tests compare it with the scalar path.</summary>
    internal static bool UseGroupPath { get; } = Vector512.IsHardwareAccelerated;

    private void FillGroup(int start, int count, int group, Span<double> targets)
    {
        var g = _groups[group] ??= NewPlan(group, start);
        var sum = _closeSums.Sum;
        ref var outRef = ref MemoryMarshal.GetReference(targets);
        var pos = g.Position;
        var (shortSum, shortAtr, longSum, longAtr) = (g.ShortSum, g.ShortAtr, g.LongSum, g.LongAtr);
        var one = V.One;
        Span<int> at = stackalloc int[8];
        Span<double> lanes = stackalloc double[8];
        for (var r = 0; r < count; r++)
        {
            var t = start + r;
            var c = _close[t];
            var vt = Vector512.Create((double)t);

            // ATR lanes: AtrState of both windows, fed the bar's true range (the same for every lane)
            var tr = Vector512.Create(AtrState.TrueRange(_high[t], _low[t], t > 0 ? _close[t - 1] : double.NaN));
            WilderLanes.Next(ref shortSum, ref shortAtr, tr, vt, g.Short, g.ShortKeep, g.ShortInverse);
            WilderLanes.Next(ref longSum, ref longAtr, tr, vt, g.Long, g.LongKeep, g.LongInverse);
            var atrCalm = Vector512.LessThan(shortAtr, g.Ratio * longAtr);

            // realized lanes: window sums of squared log returns
            var r2 = Vector512.Create(_r2[t + 1]);
            WilderLanes.Starts(at, t + 1, g.ShortPeriods);
            var shortR2 = r2 - WilderLanes.Gather(_r2, at);
            WilderLanes.Starts(at, t + 1, g.LongPeriods);
            var longR2 = r2 - WilderLanes.Gather(_r2, at);
            var inLong = Vector512.GreaterThanOrEqual(vt, g.Long);
            var realizedCalm = inLong & Vector512.LessThan(shortR2, g.Ratio2 * longR2);
            var calm = Vector512.ConditionalSelect(g.IsAtr, atrCalm, realizedCalm);
            var active = calm & inLong & Vector512.GreaterThanOrEqual(vt + one, g.Trend);

            // direction against the trend SMA
            WilderLanes.Starts(at, t + 1, g.TrendPeriods);
            var mean = (Vector512.Create(sum[t + 1]) - WilderLanes.Gather(sum, at)) / g.Trend;
            var d = Vector512.Create(c - _closeSums.Center) - mean;
            var up = Vector512.GreaterThan(d, V.Zero);
            var down = Vector512.LessThan(d, V.Zero);
            var dir = (up & one) - (down & one);
            var side = (Vector512.GreaterThan(pos, V.Zero) & one) - (Vector512.LessThan(pos, V.Zero) & one);
            var keep = active & (up | down);
            pos = pos & keep;
            var opens = keep & ~Vector512.Equals(side, dir);
            var bits = opens.ExtractMostSignificantBits();
            if (bits != 0)
            {
                pos.CopyTo(lanes);
                for (; bits != 0; bits &= bits - 1)
                {
                    var j = System.Numerics.BitOperations.TrailingZeroCount(bits);
                    lanes[j] = Sized(_lanes[(group * 8) + j], (int)dir[j], t);
                }

                pos = Vector512.Create<double>(lanes);
            }

            pos.StoreUnsafe(ref outRef, (nuint)(r * 8));
        }

        g.Position = pos;
        (g.ShortSum, g.ShortAtr, g.LongSum, g.LongAtr) = (shortSum, shortAtr, longSum, longAtr);
    }

    private GroupPlan NewPlan(int group, int start)
    {
        if (start != 0)
        {
            throw new InvalidOperationException($"lane group {group}: the SIMD path must serve the group from bar 0 (asked {start})");
        }

        var g = new GroupPlan();
        Span<double> ratio = stackalloc double[8];
        Span<double> ratio2 = stackalloc double[8];
        Span<double> atr = stackalloc double[8];
        for (var j = 0; j < 8; j++)
        {
            var p = _lanes[(group * 8) + j];
            (g.ShortPeriods[j], g.LongPeriods[j], g.TrendPeriods[j]) = (p.Short, p.Long, p.Trend);
            (ratio[j], ratio2[j], atr[j]) = (p.Ratio, p.Ratio2, p.Atr ? WilderLanes.Mask : 0);
        }

        (g.Short, g.Long, g.Trend) = (AsVector(g.ShortPeriods), AsVector(g.LongPeriods), AsVector(g.TrendPeriods));
        (g.Ratio, g.Ratio2, g.IsAtr) = (Vector512.Create<double>(ratio), Vector512.Create<double>(ratio2), Vector512.Create<double>(atr));
        (g.ShortKeep, g.ShortInverse) = WilderLanes.Constants(g.ShortPeriods);
        (g.LongKeep, g.LongInverse) = WilderLanes.Constants(g.LongPeriods);
        g.ShortAtr = Vector512.Create(double.NaN);
        g.LongAtr = Vector512.Create(double.NaN);
        return g;
    }

    private static V AsVector(int[] values) =>
        Vector512.Create(values[0], values[1], values[2], values[3], values[4], values[5], values[6], (double)values[7]);

    /// <summary>Per-group constants (one element per lane) and the group's state between blocks.</summary>
    private sealed class GroupPlan
    {
        public int[] ShortPeriods { get; } = new int[8];

        public int[] LongPeriods { get; } = new int[8];

        public int[] TrendPeriods { get; } = new int[8];

        public V Short, Long, Trend, Ratio, Ratio2, IsAtr, ShortKeep, ShortInverse, LongKeep, LongInverse;

        public V Position, ShortSum, ShortAtr, LongSum, LongAtr;
    }
}
