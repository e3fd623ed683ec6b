using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ResearchPlatform.Plugins.Seeds.Common;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Plugins.Seeds.MeanReversion;

/// <summary>
/// The SIMD group path: 8 lanes (any mix of Bollinger, z-score and RSI lanes, any periods) per Vector512. The window
/// sums are gathered per lane from the shared prefix sums; the RSI lanes' Wilder recursions run as one vector (the
/// close change of a bar is the same for every lane, only the periods differ); the position rule runs as masks. Every
/// lane performs the same IEEE operations in the same order as <see cref="Step"/>, so the targets are bit-identical.
/// </summary>
internal sealed partial class MeanReversionGenerator
{
    private readonly GroupPlan?[] _groups;

    /// <summary>Whether full groups take the SIMD path (Vector512 in hardware); tests compare it with the scalar path.</summary>
    internal static bool UseGroupPath { get; } = Vector512.IsHardwareAccelerated;

    private void FillGroup(int start, int count, int group, Span<double> targets)
    {
        var g = _groups[group] ??= NewPlan(group, start);
        var sum = _sums.Sum;
        var sq = _sums.Squares;
        ref var outRef = ref MemoryMarshal.GetReference(targets);
        var center = _sums.Center;
        var pos = g.Position;
        var entryClose = g.EntryClose;
        var armedLong = g.ArmedLong;
        var armedShort = g.ArmedShort;
        var gainSum = g.GainSum;
        var lossSum = g.LossSum;
        var gain = g.Gain;
        var loss = g.Loss;
        var one = V.One;
        var minus = -V.One;
        var hundred = Vector512.Create(100.0);
        var fifty = Vector512.Create(50.0);
        Span<int> from = stackalloc int[8];
        for (var r = 0; r < count; r++)
        {
            var t = start + r;
            var c = _close[t];
            var vt = Vector512.Create((double)t);

            // RSI lanes: the Wilder averages of gain and loss (RsiState / WilderAverage, lane-wise)
            var rsi = Vector512.Create(double.NaN);
            if (t >= 1)
            {
                var d = c - _close[t - 1];
                var up = Vector512.Create(Math.Max(d, 0));
                var down = Vector512.Create(Math.Max(-d, 0));
                var call = vt - one; // RsiState feeds its averages from bar 1 on
                WilderLanes.Next(ref gainSum, ref gain, up, call, g.Period, g.Keep, g.Inverse);
                WilderLanes.Next(ref lossSum, ref loss, down, call, g.Period, g.Keep, g.Inverse);
                var lossZero = Vector512.Equals(loss, V.Zero);
                var flat = Vector512.ConditionalSelect(Vector512.Equals(gain, V.Zero), fifty, hundred);
                rsi = Vector512.ConditionalSelect(lossZero, flat, hundred * gain / (gain + loss));
                rsi = Vector512.ConditionalSelect(Vector512.Equals(gain, gain), rsi, Vector512.Create(double.NaN));
            }

            // Bollinger / z-score lanes: window sums gathered from the shared prefix sums
            WilderLanes.Starts(from, t + 1, g.Periods);
            var s1 = Vector512.Create(sum[t + 1]) - WilderLanes.Gather(sum, from);
            var s2 = Vector512.Create(sq[t + 1]) - WilderLanes.Gather(sq, from);
            var u = (Vector512.Create(c - center) * g.Period) - s1;
            var ssn = (s2 * g.Period) - (s1 * s1);
            var u2m = u * u * g.M;
            var beyondEntry = Vector512.GreaterThan(u2m, g.Entry2N * ssn);
            var beyondExit = Vector512.GreaterThan(u2m, g.Exit2N * ssn);
            var negative = Vector512.LessThan(u, V.Zero);
            var positive = Vector512.GreaterThan(u, V.Zero);

            var isRsi = g.IsRsi;
            var belowEntry = Vector512.ConditionalSelect(isRsi, Vector512.LessThan(rsi, g.RsiLowEntry), negative & beyondEntry);
            var aboveEntry = Vector512.ConditionalSelect(isRsi, Vector512.GreaterThan(rsi, g.RsiHighEntry), positive & beyondEntry);
            var belowExit = Vector512.ConditionalSelect(isRsi, Vector512.LessThan(rsi, g.RsiLowExit), negative & beyondExit);
            var aboveExit = Vector512.ConditionalSelect(isRsi, Vector512.GreaterThan(rsi, g.RsiHighExit), positive & beyondExit);
            var valid = Vector512.ConditionalSelect(isRsi, Vector512.Equals(rsi, rsi), Vector512.GreaterThanOrEqual(vt + one, g.Period));

            // the position rule (Position), lane-masked; invalid lanes keep their state and target 0
            var vc = Vector512.Create(c);
            var hasStop = Vector512.GreaterThan(g.Stop, V.Zero);
            var exitLong = Vector512.GreaterThan(pos, V.Zero)
                & (~belowExit | (hasStop & Vector512.LessThanOrEqual(vc, entryClose * (one - g.Stop))));
            var exitShort = ~exitLong & Vector512.LessThan(pos, V.Zero)
                & (~aboveExit | (hasStop & Vector512.GreaterThanOrEqual(vc, entryClose * (one + g.Stop))));
            var newArmedLong = Vector512.ConditionalSelect(exitLong, ~belowExit, armedLong) | ~belowEntry;
            var newArmedShort = Vector512.ConditionalSelect(exitShort, ~aboveExit, armedShort) | ~aboveEntry;
            var newPos = Vector512.ConditionalSelect(exitLong | exitShort, V.Zero, pos);
            var isFlat = Vector512.Equals(newPos, V.Zero);
            var goLong = isFlat & belowEntry & newArmedLong;
            var goShort = isFlat & ~goLong & aboveEntry & newArmedShort;
            newPos = Vector512.ConditionalSelect(goLong, one, Vector512.ConditionalSelect(goShort, minus, newPos));
            entryClose = Vector512.ConditionalSelect(valid & (goLong | goShort), vc, entryClose);
            armedLong = Vector512.ConditionalSelect(valid, newArmedLong, armedLong);
            armedShort = Vector512.ConditionalSelect(valid, newArmedShort, armedShort);
            pos = Vector512.ConditionalSelect(valid, newPos, pos);
            Vector512.ConditionalSelect(valid, pos, V.Zero).StoreUnsafe(ref outRef, (nuint)(r * 8));
        }

        g.Position = pos;
        g.EntryClose = entryClose;
        g.ArmedLong = armedLong;
        g.ArmedShort = armedShort;
        g.GainSum = gainSum;
        g.LossSum = lossSum;
        g.Gain = gain;
        g.Loss = loss;
    }

    private GroupPlan NewPlan(int group, int start)
    {
        if (start != 0)
        {
            throw new InvalidOperationException($"lane group {group}: the SIMD path must serve the group from bar 0 (asked {start})");
        }

        var g = new GroupPlan();
        Span<double> period = stackalloc double[8];
        Span<double> m = stackalloc double[8];
        Span<double> e2n = stackalloc double[8];
        Span<double> x2n = stackalloc double[8];
        Span<double> stop = stackalloc double[8];
        Span<double> rsi = stackalloc double[8];
        Span<double> lowEntry = stackalloc double[8];
        Span<double> highEntry = stackalloc double[8];
        Span<double> lowExit = stackalloc double[8];
        Span<double> highExit = stackalloc double[8];
        for (var j = 0; j < 8; j++)
        {
            var p = _lanes[(group * 8) + j];
            g.Periods[j] = p.Period;
            period[j] = p.Period;
            m[j] = p.M;
            e2n[j] = p.Entry2N;
            x2n[j] = p.Exit2N;
            stop[j] = p.Stop;
            rsi[j] = p.Signal == 1 ? WilderLanes.Mask : 0;
            lowEntry[j] = 50 - (10 * p.Entry);
            highEntry[j] = 50 + (10 * p.Entry);
            lowExit[j] = 50 - (10 * p.Exit);
            highExit[j] = 50 + (10 * p.Exit);
        }

        (g.Period, g.M, g.Entry2N, g.Exit2N, g.Stop, g.IsRsi) = (Vector512.Create<double>(period), Vector512.Create<double>(m), Vector512.Create<double>(e2n), Vector512.Create<double>(x2n), Vector512.Create<double>(stop), Vector512.Create<double>(rsi));
        (g.RsiLowEntry, g.RsiHighEntry, g.RsiLowExit, g.RsiHighExit) = (Vector512.Create<double>(lowEntry), Vector512.Create<double>(highEntry), Vector512.Create<double>(lowExit), Vector512.Create<double>(highExit));
        (g.Keep, g.Inverse) = WilderLanes.Constants(g.Periods);
        g.ArmedLong = Vector512.Create(WilderLanes.Mask);
        g.ArmedShort = Vector512.Create(WilderLanes.Mask);
        g.Gain = Vector512.Create(double.NaN);
        g.Loss = Vector512.Create(double.NaN);
        return g;
    }

    /// <summary>Per-group constants (one element per lane) and the group's state between blocks.</summary>
    private sealed class GroupPlan
    {
        public int[] Periods { get; } = new int[8];

        public V Period, M, Entry2N, Exit2N, Stop, IsRsi, RsiLowEntry, RsiHighEntry, RsiLowExit, RsiHighExit, Keep, Inverse;

        public V Position, EntryClose, ArmedLong, ArmedShort, GainSum, LossSum, Gain, Loss;
    }
}
