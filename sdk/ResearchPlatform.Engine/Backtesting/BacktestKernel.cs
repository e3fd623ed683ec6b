using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static ResearchPlatform.Engine.Backtesting.LaneVar;
using static ResearchPlatform.Engine.Backtesting.VecOps;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// The bar loop of the backtest kernel for one group of 8 lanes (strategies) of one window. Position, cash and the
/// per-bar statistics (mark to market, returns, drawdown) live in <see cref="Vector512{T}"/> registers; a target
/// change is handled inline; stop hits and the window's last bar leave the loop for the memory-based rare path
/// and re-enter at the same bar. Every operation is lane-local.
/// </summary>
internal static class BacktestKernel
{
    /// <summary>Lanes per group (one <see cref="Vector512{T}"/> of doubles).</summary>
    public const int Lanes = 8;

    /// <summary>
    /// Runs bars [from, to) of a window whose last bar is <paramref name="last"/>, for lanes [lane, lane + 8).
    /// <paramref name="targets"/> holds the group's targets for the current block: bar t at (t - blockStart) * 8;
    /// <paramref name="equity"/> is scratch of the same layout. Two passes (loop fission keeps each loop's state in
    /// registers): positions and trades, writing equity at each close; then the per-bar statistics over that equity.
    /// </summary>
    public static void Run<TRec>(KernelSpec k, double[] st, int stride, int lane, ReadOnlySpan<double> targets, Span<double> equity, int blockStart, int from, int to, int last, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        var t = from;
        var done = -1;
        while (true)
        {
            t = (k.NextOpen, k.HasStops) switch
            {
                (true, false) => Positions<TRec, NextOpenMode>(k, st, stride, lane, targets, equity, blockStart, t, to, last, done, ref rec),
                (false, false) => Positions<TRec, CloseMode>(k, st, stride, lane, targets, equity, blockStart, t, to, last, done, ref rec),
                (true, true) => Positions<TRec, NextOpenStopsMode>(k, st, stride, lane, targets, equity, blockStart, t, to, last, done, ref rec),
                _ => Positions<TRec, CloseStopsMode>(k, st, stride, lane, targets, equity, blockStart, t, to, last, done, ref rec),
            };
            if (t >= to)
            {
                break;
            }

            var target = Filter(Vector512.Create(targets.Slice((t - blockStart) * Lanes, Lanes)), k.Direction);
            Rare(k, st, stride, lane, t, t == last, target, ref rec);
            done = t;
        }

        if (k.FullStatistics)
        {
            Statistics(st, stride, lane, equity, blockStart, from, to);
        }
        else
        {
            Vector512.Create(equity.Slice((to - 1 - blockStart) * Lanes, Lanes)).StoreUnsafe(ref st[LaneVar.Index(Eprev, lane, stride)]);
        }

        if (rec.Enabled)
        {
            for (var i = from; i < to; i++)
            {
                rec.OnMark(i, equity[(i - blockStart) * Lanes]);
            }
        }
    }

    /// <summary>
    /// Advances positions over bars [t, to) and writes equity at each close, until a bar other than
    /// <paramref name="done"/> needs the rare path (a stop level touched, the window's last bar); returns that bar or
    /// <paramref name="to"/>. Target changes are handled inline.
    /// </summary>
    private static int Positions<TRec, TMode>(KernelSpec k, double[] st, int stride, int lane, ReadOnlySpan<double> targets, Span<double> equity, int blockStart, int t, int to, int last, int done, ref TRec rec)
        where TRec : struct, ITradeRecorder
        where TMode : struct, IKernelMode
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(st);
        ref var tg = ref MemoryMarshal.GetReference(targets);
        ref var eq = ref MemoryMarshal.GetReference(equity);
        var q = Ld(ref s, Q, stride, lane);
        var cash = Ld(ref s, Cash, stride, lane);
        var tcur = Ld(ref s, Tcur, stride, lane);
        var lowTrig = Ld(ref s, LowTrig, stride, lane);
        var highTrig = Ld(ref s, HighTrig, stride, lane);
        var entryPx = Ld(ref s, EntryPx, stride, lane);
        var entryFee = Ld(ref s, EntryFee, stride, lane);
        var entryBar = Ld(ref s, EntryBar, stride, lane);
        var pend = Ld(ref s, Pend, stride, lane);
        var trail = TMode.Stops && k.Trail > 0;
        var everyBar = k.FullStatistics || rec.Enabled;
        var lastOfCall = to - 1;
        var dir = k.Direction;
        var funding = k.Funding;
        var close = k.Close;
        var open = k.Open;
        for (; t < to; t++)
        {
            var row = (nuint)((t - blockStart) * Lanes);
            if (t != done)
            {
                if (t == last)
                {
                    break;
                }

                if (TMode.NextOpen)
                {
                    if (!Vector512.EqualsAll(pend, tcur))
                    {
                        KernelTrades.Change(k, ref s, stride, lane, t, open[t], pend, ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
                    }

                    if (TMode.Stops && Touched(k, t, lowTrig, highTrig))
                    {
                        break;
                    }
                }
                else
                {
                    if (TMode.Stops && Touched(k, t, lowTrig, highTrig))
                    {
                        break;
                    }

                    var target = Filter(Vector512.LoadUnsafe(ref tg, row), dir);
                    if (!Vector512.EqualsAll(target, tcur))
                    {
                        KernelTrades.Change(k, ref s, stride, lane, t, close[t], target, ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
                    }
                }
            }

            if (trail)
            {
                Trail(k, ref s, stride, lane, t, q, entryBar, ref lowTrig, ref highTrig);
            }

            if (funding is not null && funding[t] != 0)
            {
                cash -= q * Vector512.Create(close[t]) * Vector512.Create(funding[t]);
            }

            // equity at the close: every bar for the statistics pass, else only the call's last bar (final equity)
            if (everyBar || t == lastOfCall)
            {
                (cash + (q * Vector512.Create(close[t]))).StoreUnsafe(ref eq, row);
            }
            if (TMode.NextOpen)
            {
                pend = Filter(Vector512.LoadUnsafe(ref tg, row), dir);
            }
        }

        St(ref s, Q, stride, lane, q);
        St(ref s, Cash, stride, lane, cash);
        St(ref s, Tcur, stride, lane, tcur);
        St(ref s, LowTrig, stride, lane, lowTrig);
        St(ref s, HighTrig, stride, lane, highTrig);
        St(ref s, EntryPx, stride, lane, entryPx);
        St(ref s, EntryFee, stride, lane, entryFee);
        St(ref s, EntryBar, stride, lane, entryBar);
        St(ref s, Pend, stride, lane, pend);
        return t;
    }

    /// <summary>Per-bar statistics over the equity of bars [from, to): returns, their sums, peak, drawdown and its duration.</summary>
    private static void Statistics(double[] st, int stride, int lane, Span<double> equity, int blockStart, int from, int to)
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(st);
        ref var eq = ref MemoryMarshal.GetReference(equity);
        var eprev = Ld(ref s, Eprev, stride, lane);
        var peak = Ld(ref s, Peak, stride, lane);
        var minRatio = Ld(ref s, MinRatio, stride, lane);
        var peakBar = Ld(ref s, PeakBar, stride, lane);
        var maxDur = Ld(ref s, MaxDur, stride, lane);
        var sumR = Ld(ref s, SumR, stride, lane);
        var sumR2 = Ld(ref s, SumR2, stride, lane);
        var sumNeg2 = Ld(ref s, SumNeg2, stride, lane);
        var sumR3 = Ld(ref s, SumR3, stride, lane);
        var sumR4 = Ld(ref s, SumR4, stride, lane);
        var tv = Vector512.Create((double)from);
        for (var t = from; t < to; t++, tv += V.One)
        {
            var e = Vector512.LoadUnsafe(ref eq, (nuint)((t - blockStart) * Lanes));
            var r = (e / eprev) - V.One;
            sumR += r;
            var r2 = r * r;
            sumR2 += r2;
            sumR3 += r2 * r;
            sumR4 += r2 * r2;
            var neg = Vector512.MinNative(r, V.Zero);
            sumNeg2 += neg * neg;
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
        }

        St(ref s, Eprev, stride, lane, eprev);
        St(ref s, Peak, stride, lane, peak);
        St(ref s, MinRatio, stride, lane, minRatio);
        St(ref s, PeakBar, stride, lane, peakBar);
        St(ref s, MaxDur, stride, lane, maxDur);
        St(ref s, SumR, stride, lane, sumR);
        St(ref s, SumR2, stride, lane, sumR2);
        St(ref s, SumNeg2, stride, lane, sumNeg2);
        St(ref s, SumR3, stride, lane, sumR3);
        St(ref s, SumR4, stride, lane, sumR4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Touched(KernelSpec k, int t, V lowTrig, V highTrig) =>
        Vector512.LessThanOrEqualAny(Vector512.Create(k.Low[t]), lowTrig) || Vector512.GreaterThanOrEqualAny(Vector512.Create(k.High[t]), highTrig);

    /// <summary>The trade events of bar t in time order (open fills, intrabar stops, close fills, end of data), on memory.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Rare<TRec>(KernelSpec k, double[] st, int stride, int lane, int t, bool lastBar, V target, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(st);
        var q = Ld(ref s, Q, stride, lane);
        var cash = Ld(ref s, Cash, stride, lane);
        var tcur = Ld(ref s, Tcur, stride, lane);
        var lowTrig = Ld(ref s, LowTrig, stride, lane);
        var highTrig = Ld(ref s, HighTrig, stride, lane);
        var entryPx = Ld(ref s, EntryPx, stride, lane);
        var entryFee = Ld(ref s, EntryFee, stride, lane);
        var entryBar = Ld(ref s, EntryBar, stride, lane);
        if (lastBar && k.EndMode == EndOfDataMode.LastOpen)
        {
            KernelTrades.CloseAll(k, ref s, stride, lane, t, k.Open[t], ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
        }
        else
        {
            if (k.NextOpen)
            {
                KernelTrades.Change(k, ref s, stride, lane, t, k.Open[t], Ld(ref s, Pend, stride, lane), ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
            }

            if (k.HasStops)
            {
                KernelTrades.Stops(k, ref s, stride, lane, t, ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
            }

            if (lastBar && k.EndMode == EndOfDataMode.LastClose)
            {
                KernelTrades.CloseAll(k, ref s, stride, lane, t, k.Close[t], ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
            }
            else if (!k.NextOpen)
            {
                KernelTrades.Change(k, ref s, stride, lane, t, k.Close[t], target, ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
            }
        }

        St(ref s, Q, stride, lane, q);
        St(ref s, Cash, stride, lane, cash);
        St(ref s, Tcur, stride, lane, tcur);
        St(ref s, LowTrig, stride, lane, lowTrig);
        St(ref s, HighTrig, stride, lane, highTrig);
        St(ref s, EntryPx, stride, lane, entryPx);
        St(ref s, EntryFee, stride, lane, entryFee);
        St(ref s, EntryBar, stride, lane, entryBar);
    }

    /// <summary>Moves trailing-stop levels with the bar's extreme (after the bar's stop check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Trail(KernelSpec k, ref double s, int stride, int lane, int t, V q, V entryBar, ref V lowTrig, ref V highTrig)
    {
        var isLong = Vector512.GreaterThan(q, V.Zero);
        var isShort = Vector512.LessThan(q, V.Zero);
        if (!k.NextOpen)
        {
            // a position filled at this bar's close did not live through its high/low
            var fresh = Vector512.Equals(entryBar, Vector512.Create((double)t));
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
