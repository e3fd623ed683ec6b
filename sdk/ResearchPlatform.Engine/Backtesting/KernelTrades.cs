using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static ResearchPlatform.Engine.Backtesting.LaneVar;
using static ResearchPlatform.Engine.Backtesting.VecOps;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// The kernel's trade paths (rare: only when a target changes, a stop level is touched or data ends), on a group of
/// 8 lanes of a window's state in memory. Every update is masked per lane, so a lane's numbers never depend on its
/// neighbours: the batch path and the single path give identical results.
/// </summary>
internal static class KernelTrades
{
    /// <summary>Moves lanes whose target differs from the current one: close (if open), then open the new target.</summary>
    public static void Change<TRec>(KernelSpec k, double[] st, int stride, int lane, int t, double basePrice, V desired, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(st);
        var d = Vector512.ConditionalSelect(Vector512.Equals(desired, desired), desired, V.Zero);
        var tcur = Ld(ref s, Tcur, stride, lane);
        var q = Ld(ref s, Q, stride, lane);
        var chg = ~Vector512.Equals(d, tcur);
        var closing = chg & ~Vector512.Equals(q, V.Zero);
        if (Any(closing))
        {
            var slip = Vector512.Create(k.Slip(t, basePrice));
            var b = Vector512.Create(basePrice);
            var exitPx = Vector512.ConditionalSelect(Vector512.GreaterThan(q, V.Zero), b - slip, b + slip);
            Close(k, st, stride, lane, t, closing, exitPx, Vector512.Create(k.FeeRate), Vector512.Create((double)ExitReason.Signal), ref rec);
        }

        var opening = chg & ~Vector512.Equals(d, V.Zero);
        if (Any(opening))
        {
            Open(k, st, stride, lane, t, opening, d, basePrice);
        }

        St(ref s, Tcur, stride, lane, Vector512.ConditionalSelect(chg, d, tcur));
    }

    /// <summary>Closes every open lane at <paramref name="basePrice"/> (market, slippage, taker fee): end of data.</summary>
    public static void CloseAll<TRec>(KernelSpec k, double[] st, int stride, int lane, int t, double basePrice, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(st);
        var q = Ld(ref s, Q, stride, lane);
        var open = ~Vector512.Equals(q, V.Zero);
        if (!Any(open))
        {
            return;
        }

        var slip = Vector512.Create(k.Slip(t, basePrice));
        var b = Vector512.Create(basePrice);
        var exitPx = Vector512.ConditionalSelect(Vector512.GreaterThan(q, V.Zero), b - slip, b + slip);
        Close(k, st, stride, lane, t, open, exitPx, Vector512.Create(k.FeeRate), Vector512.Create((double)ExitReason.EndOfData), ref rec);
    }

    /// <summary>
    /// Exits lanes whose stop or take-profit level bar t touched. An open beyond a level fills at the open; otherwise
    /// the stop is assumed to come first when both levels lie inside the bar's range.
    /// </summary>
    public static void Stops<TRec>(KernelSpec k, double[] st, int stride, int lane, int t, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(st);
        var q = Ld(ref s, Q, stride, lane);
        var lowT = Ld(ref s, LowTrig, stride, lane);
        var highT = Ld(ref s, HighTrig, stride, lane);
        var sl = Ld(ref s, SlLevel, stride, lane);
        var o = Vector512.Create(k.Open[t]);
        var h = Vector512.Create(k.High[t]);
        var l = Vector512.Create(k.Low[t]);
        var isLong = Vector512.GreaterThan(q, V.Zero);
        var isShort = Vector512.LessThan(q, V.Zero);

        // long: stop = lowT, take-profit = highT; short: stop = highT, take-profit = lowT.
        var lGapStop = isLong & Vector512.LessThanOrEqual(o, lowT);
        var lGapTp = isLong & ~lGapStop & Vector512.GreaterThanOrEqual(o, highT);
        var lStop = isLong & ~(lGapStop | lGapTp) & Vector512.LessThanOrEqual(l, lowT);
        var lTp = isLong & ~(lGapStop | lGapTp | lStop) & Vector512.GreaterThanOrEqual(h, highT);
        var sGapStop = isShort & Vector512.GreaterThanOrEqual(o, highT);
        var sGapTp = isShort & ~sGapStop & Vector512.LessThanOrEqual(o, lowT);
        var sStop = isShort & ~(sGapStop | sGapTp) & Vector512.GreaterThanOrEqual(h, highT);
        var sTp = isShort & ~(sGapStop | sGapTp | sStop) & Vector512.LessThanOrEqual(l, lowT);
        var gap = lGapStop | lGapTp | sGapStop | sGapTp;
        var stop = lGapStop | lStop | sGapStop | sStop;
        var exit = stop | lGapTp | lTp | sGapTp | sTp;
        if (!Any(exit))
        {
            return;
        }

        var level = Vector512.ConditionalSelect(lStop | sTp, lowT, highT);
        var px = Vector512.ConditionalSelect(gap, o, level);
        var slip = (px * Vector512.Create(k.SlipRate)) + Vector512.Create(k.SlipRange * (k.High[t] - k.Low[t]));
        var slipped = Vector512.ConditionalSelect(isLong, px - slip, px + slip);
        var exitPx = Vector512.ConditionalSelect(stop, slipped, px);
        var fee = Vector512.ConditionalSelect(stop, Vector512.Create(k.FeeRate), Vector512.Create(k.MakerRate));
        var trailing = (isLong & Vector512.GreaterThan(lowT, sl)) | (isShort & Vector512.LessThan(highT, sl));
        var reason = Vector512.ConditionalSelect(
            stop,
            Vector512.ConditionalSelect(trailing, Vector512.Create((double)ExitReason.TrailingStop), Vector512.Create((double)ExitReason.StopLoss)),
            Vector512.Create((double)ExitReason.TakeProfit));
        Close(k, st, stride, lane, t, exit, exitPx, fee, reason, ref rec);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Close<TRec>(KernelSpec k, double[] st, int stride, int lane, int t, V mask, V exitPx, V feeRate, V reason, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(st);
        var q = Ld(ref s, Q, stride, lane);
        var entryPx = Ld(ref s, EntryPx, stride, lane);
        var entryFee = Ld(ref s, EntryFee, stride, lane);
        var entryBar = Ld(ref s, EntryBar, stride, lane);
        var aq = Vector512.Abs(q);
        var notional = aq * exitPx;
        var fee = notional * feeRate;
        var pnl = (q * (exitPx - entryPx)) - fee - entryFee;
        var ret = pnl / (aq * entryPx);
        var hold = Vector512.Create((double)t) - entryBar;
        AddMasked(ref s, Cash, stride, lane, mask, (q * exitPx) - fee);
        AddMasked(ref s, Trades, stride, lane, mask, V.One);
        AddMasked(ref s, Wins, stride, lane, mask & Vector512.GreaterThan(pnl, V.Zero), V.One);
        AddMasked(ref s, GrossProfit, stride, lane, mask, Vector512.MaxNative(pnl, V.Zero));
        AddMasked(ref s, GrossLoss, stride, lane, mask, Vector512.MaxNative(-pnl, V.Zero));
        AddMasked(ref s, SumRet, stride, lane, mask, ret);
        SetMasked(ref s, BestRet, stride, lane, mask, Vector512.MaxNative(Ld(ref s, BestRet, stride, lane), ret));
        SetMasked(ref s, WorstRet, stride, lane, mask, Vector512.MinNative(Ld(ref s, WorstRet, stride, lane), ret));
        AddMasked(ref s, SumHold, stride, lane, mask, hold);
        AddMasked(ref s, Fees, stride, lane, mask, fee);
        AddMasked(ref s, Notional, stride, lane, mask, notional);
        if (rec.Enabled && (mask.ExtractMostSignificantBits() & 1) != 0)
        {
            rec.OnTrade((int)entryBar[0], entryPx[0], t, exitPx[0], q[0], pnl[0], ret[0], entryFee[0] + fee[0], (ExitReason)(int)reason[0]);
        }

        SetMasked(ref s, Q, stride, lane, mask, V.Zero);
        SetMasked(ref s, LowTrig, stride, lane, mask, NegInf);
        SetMasked(ref s, HighTrig, stride, lane, mask, PosInf);
    }

    private static void Open(KernelSpec k, double[] st, int stride, int lane, int t, V mask, V d, double basePrice)
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(st);
        var slip = Vector512.Create(k.Slip(t, basePrice));
        var b = Vector512.Create(basePrice);
        var isBuy = Vector512.GreaterThan(d, V.Zero);
        var px = Vector512.ConditionalSelect(isBuy, b + slip, b - slip);
        var cash = Ld(ref s, Cash, stride, lane);
        var qn = Size(k, d, Vector512.MaxNative(cash, V.Zero), px);
        mask &= ~Vector512.Equals(qn, V.Zero) & Vector512.Equals(qn, qn);
        if (!Any(mask))
        {
            return;
        }

        var notional = Vector512.Abs(qn) * px;
        var fee = notional * Vector512.Create(k.FeeRate);
        St(ref s, Cash, stride, lane, Vector512.ConditionalSelect(mask, cash - (qn * px) - fee, cash));
        SetMasked(ref s, Q, stride, lane, mask, qn);
        SetMasked(ref s, EntryPx, stride, lane, mask, px);
        SetMasked(ref s, EntryFee, stride, lane, mask, fee);
        SetMasked(ref s, EntryBar, stride, lane, mask, Vector512.Create((double)t));
        AddMasked(ref s, Fees, stride, lane, mask, fee);
        AddMasked(ref s, Notional, stride, lane, mask, notional);
        SetLevels(k, ref s, stride, lane, mask, isBuy, px);
    }

    private static V Size(KernelSpec k, V d, V equity, V px)
    {
        var c = Vector512.Clamp(d, Vector512.Create(-1.0), V.One);
        switch (k.Sizing)
        {
            case SizingMode.FixedUnits:
                return c * Vector512.Create(k.Units);
            case SizingMode.Fraction:
                return c * equity / (px * Vector512.Create(1 + k.FeeRate));
            default:
                var units = Vector512.Floor(Vector512.Abs(c) * equity / (px * Vector512.Create(1 + k.FeeRate)));
                return Vector512.ConditionalSelect(Vector512.LessThan(c, V.Zero), -units, units);
        }
    }

    private static void SetLevels(KernelSpec k, ref double s, int stride, int lane, V mask, V isBuy, V px)
    {
        var slLong = k.Sl > 0 ? px * Vector512.Create(1 - k.Sl) : NegInf;
        var slShort = k.Sl > 0 ? px * Vector512.Create(1 + k.Sl) : PosInf;
        var tpLong = k.Tp > 0 ? px * Vector512.Create(1 + k.Tp) : PosInf;
        var tpShort = k.Tp > 0 ? px * Vector512.Create(1 - k.Tp) : NegInf;
        var trLong = k.Trail > 0 ? px * Vector512.Create(1 - k.Trail) : NegInf;
        var trShort = k.Trail > 0 ? px * Vector512.Create(1 + k.Trail) : PosInf;
        SetMasked(ref s, SlLevel, stride, lane, mask, Vector512.ConditionalSelect(isBuy, slLong, slShort));
        SetMasked(ref s, Ext, stride, lane, mask, px);
        SetMasked(ref s, LowTrig, stride, lane, mask, Vector512.ConditionalSelect(isBuy, Vector512.MaxNative(slLong, trLong), tpShort));
        SetMasked(ref s, HighTrig, stride, lane, mask, Vector512.ConditionalSelect(isBuy, tpLong, Vector512.MinNative(slShort, trShort)));
    }
}
