using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static ResearchPlatform.Engine.Backtesting.LaneVar;
using static ResearchPlatform.Engine.Backtesting.VecOps;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// The bar loop of the backtest kernel for one group of 8 lanes (strategies) of one window. The per-bar work
/// (mark to market, returns, drawdown) runs on <see cref="Vector512{T}"/> registers; trades, stops and the end of
/// data go to <see cref="KernelTrades"/> only when some lane needs them. Every operation is lane-local.
/// </summary>
internal static class BacktestKernel
{
    /// <summary>Lanes per group (one <see cref="Vector512{T}"/> of doubles).</summary>
    public const int Lanes = 8;

    /// <summary>
    /// Runs bars [from, to) of a window whose last bar is <paramref name="last"/>, for lanes [lane, lane + 8).
    /// <paramref name="targets"/> holds the group's targets for the current block: bar t at (t - blockStart) * 8.
    /// </summary>
    public static void Run<TRec>(KernelSpec k, double[] st, int stride, int lane, ReadOnlySpan<double> targets, int blockStart, int from, int to, int last, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(st);
        ref var tg = ref MemoryMarshal.GetReference(targets);
        var q = Ld(ref s, Q, stride, lane);
        var cash = Ld(ref s, Cash, stride, lane);
        var tcur = Ld(ref s, Tcur, stride, lane);
        var pend = Ld(ref s, Pend, stride, lane);
        var eprev = Ld(ref s, Eprev, stride, lane);
        var peak = Ld(ref s, Peak, stride, lane);
        var minRatio = Ld(ref s, MinRatio, stride, lane);
        var peakBar = Ld(ref s, PeakBar, stride, lane);
        var maxDur = Ld(ref s, MaxDur, stride, lane);
        var sumR = Ld(ref s, SumR, stride, lane);
        var sumR2 = Ld(ref s, SumR2, stride, lane);
        var sumNeg2 = Ld(ref s, SumNeg2, stride, lane);
        var lowTrig = Ld(ref s, LowTrig, stride, lane);
        var highTrig = Ld(ref s, HighTrig, stride, lane);
        var stops = k.HasStops;
        var trail = k.Trail > 0;
        var nextOpen = k.NextOpen;
        var dir = k.Direction;
        var funding = k.Funding;
        var close = k.Close;
        for (var t = from; t < to; t++)
        {
            var row = (nuint)((t - blockStart) * Lanes);
            var lastBar = t == last;
            var slow = (nextOpen && !Vector512.EqualsAll(pend, tcur))
                || (stops && (Vector512.LessThanOrEqualAny(Vector512.Create(k.Low[t]), lowTrig) || Vector512.GreaterThanOrEqualAny(Vector512.Create(k.High[t]), highTrig)))
                || (!nextOpen && !Vector512.EqualsAll(Filter(Vector512.LoadUnsafe(ref tg, row), dir), tcur))
                || lastBar;
            if (slow)
            {
                St(ref s, Q, stride, lane, q);
                St(ref s, Cash, stride, lane, cash);
                St(ref s, Tcur, stride, lane, tcur);
                St(ref s, LowTrig, stride, lane, lowTrig);
                St(ref s, HighTrig, stride, lane, highTrig);
                Trades(k, st, stride, lane, t, lastBar, pend, Filter(Vector512.LoadUnsafe(ref tg, row), dir), ref rec);
                q = Ld(ref s, Q, stride, lane);
                cash = Ld(ref s, Cash, stride, lane);
                tcur = Ld(ref s, Tcur, stride, lane);
                lowTrig = Ld(ref s, LowTrig, stride, lane);
                highTrig = Ld(ref s, HighTrig, stride, lane);
            }

            if (trail)
            {
                Trail(k, ref s, stride, lane, t, q, ref lowTrig, ref highTrig);
            }

            var c = Vector512.Create(close[t]);
            if (funding is not null && funding[t] != 0)
            {
                cash -= q * c * Vector512.Create(funding[t]);
            }

            // mark to market, per-bar return, drawdown (all lane-local)
            var e = cash + (q * c);
            var r = (e / eprev) - V.One;
            sumR += r;
            sumR2 += r * r;
            var neg = Vector512.MinNative(r, V.Zero);
            sumNeg2 += neg * neg;
            var tv = Vector512.Create((double)t);
            maxDur = Vector512.MaxNative(maxDur, tv - peakBar);
            var isPeak = Vector512.GreaterThanOrEqual(e, peak);
            peakBar = Vector512.ConditionalSelect(isPeak, tv, peakBar);
            peak = Vector512.ConditionalSelect(isPeak, e, peak);
            var deeper = Vector512.LessThan(e, peak * minRatio);
            if (Any(deeper))
            {
                minRatio = Vector512.ConditionalSelect(deeper, Vector512.MinNative(minRatio, e / peak), minRatio);
            }

            eprev = e;
            if (rec.Enabled)
            {
                rec.OnMark(t, e[0]);
            }

            if (nextOpen)
            {
                pend = Filter(Vector512.LoadUnsafe(ref tg, row), dir);
            }
        }

        St(ref s, Q, stride, lane, q);
        St(ref s, Cash, stride, lane, cash);
        St(ref s, Tcur, stride, lane, tcur);
        St(ref s, Pend, stride, lane, pend);
        St(ref s, Eprev, stride, lane, eprev);
        St(ref s, Peak, stride, lane, peak);
        St(ref s, MinRatio, stride, lane, minRatio);
        St(ref s, PeakBar, stride, lane, peakBar);
        St(ref s, MaxDur, stride, lane, maxDur);
        St(ref s, SumR, stride, lane, sumR);
        St(ref s, SumR2, stride, lane, sumR2);
        St(ref s, SumNeg2, stride, lane, sumNeg2);
        St(ref s, LowTrig, stride, lane, lowTrig);
        St(ref s, HighTrig, stride, lane, highTrig);
    }

    /// <summary>The trade events of bar t, in time order: open fills, intrabar stops, close fills, end of data.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Trades<TRec>(KernelSpec k, double[] st, int stride, int lane, int t, bool lastBar, V pend, V target, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        if (lastBar && k.EndMode == EndOfDataMode.LastOpen)
        {
            KernelTrades.CloseAll(k, st, stride, lane, t, k.Open[t], ref rec);
            return;
        }

        if (k.NextOpen)
        {
            KernelTrades.Change(k, st, stride, lane, t, k.Open[t], pend, ref rec);
        }

        if (k.HasStops)
        {
            KernelTrades.Stops(k, st, stride, lane, t, ref rec);
        }

        if (lastBar && k.EndMode == EndOfDataMode.LastClose)
        {
            KernelTrades.CloseAll(k, st, stride, lane, t, k.Close[t], ref rec);
            return;
        }

        if (!k.NextOpen)
        {
            KernelTrades.Change(k, st, stride, lane, t, k.Close[t], target, ref rec);
        }
    }

    /// <summary>Moves trailing-stop levels with the bar's extreme (after the bar's stop check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Trail(KernelSpec k, ref double s, int stride, int lane, int t, V q, ref V lowTrig, ref V highTrig)
    {
        var isLong = Vector512.GreaterThan(q, V.Zero);
        var isShort = Vector512.LessThan(q, V.Zero);
        if (!k.NextOpen)
        {
            // a position filled at this bar's close did not live through its high/low
            var fresh = Vector512.Equals(Ld(ref s, EntryBar, stride, lane), Vector512.Create((double)t));
            isLong &= ~fresh;
            isShort &= ~fresh;
        }

        var ext = Ld(ref s, Ext, stride, lane);
        var sl = Ld(ref s, SlLevel, stride, lane);
        ext = Vector512.ConditionalSelect(isLong, Vector512.MaxNative(ext, Vector512.Create(k.High[t])), ext);
        ext = Vector512.ConditionalSelect(isShort, Vector512.MinNative(ext, Vector512.Create(k.Low[t])), ext);
        St(ref s, Ext, stride, lane, ext);
        lowTrig = Vector512.ConditionalSelect(isLong, Vector512.MaxNative(sl, ext * Vector512.Create(1 - k.Trail)), lowTrig);
        highTrig = Vector512.ConditionalSelect(isShort, Vector512.MinNative(sl, ext * Vector512.Create(1 + k.Trail)), highTrig);
    }
}
