using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static ResearchPlatform.Engine.Backtesting.LaneVar;
using static ResearchPlatform.Engine.Backtesting.VecOps;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// The kernel's trade paths on a group of 8 lanes: position, cash and stop levels are passed as (register) values,
/// entry data and trade statistics live in the window's state array. Every update is masked per lane, so a lane's
/// numbers never depend on its neighbours: the batch path and the single path give identical results.
/// </summary>
internal static class KernelTrades
{
    /// <summary>Moves lanes whose target differs from the current one: close (if open), then open the new target.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Change<TRec>(KernelSpec k, ref double s, int stride, int lane, int t, double basePrice, V desired, ref V q, ref V cash, ref V tcur, ref V lowTrig, ref V highTrig, ref V entryPx, ref V entryFee, ref V entryBar, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        var d = Vector512.ConditionalSelect(Vector512.Equals(desired, desired), desired, V.Zero);
        var chg = ~Vector512.Equals(d, tcur);
        var closing = chg & ~Vector512.Equals(q, V.Zero);
        var slip = k.Slip(t, basePrice);
        if (Any(closing))
        {
            var exitPx = Vector512.ConditionalSelect(Vector512.GreaterThan(q, V.Zero), Vector512.Create(basePrice - slip), Vector512.Create(basePrice + slip));
            Close(k, ref s, stride, lane, t, closing, exitPx, Vector512.Create(k.FeeRate), Vector512.Create((double)ExitReason.Signal), ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
        }

        var opening = chg & ~Vector512.Equals(d, V.Zero);
        if (Any(opening))
        {
            Open(k, ref s, stride, lane, t, opening, d, basePrice, slip, ref q, ref cash, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar);
        }

        tcur = Vector512.ConditionalSelect(chg, d, tcur);
    }

    /// <summary>Closes every open lane at <paramref name="basePrice"/> (market, slippage, taker fee): end of data.</summary>
    public static void CloseAll<TRec>(KernelSpec k, ref double s, int stride, int lane, int t, double basePrice, ref V q, ref V cash, ref V tcur, ref V lowTrig, ref V highTrig, ref V entryPx, ref V entryFee, ref V entryBar, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        var open = ~Vector512.Equals(q, V.Zero);
        if (!Any(open))
        {
            return;
        }

        var slip = k.Slip(t, basePrice);
        var exitPx = Vector512.ConditionalSelect(Vector512.GreaterThan(q, V.Zero), Vector512.Create(basePrice - slip), Vector512.Create(basePrice + slip));
        Close(k, ref s, stride, lane, t, open, exitPx, Vector512.Create(k.FeeRate), Vector512.Create((double)ExitReason.EndOfData), ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
    }

    /// <summary>
    /// Exits lanes whose stop or take-profit level bar t touched. An open beyond a level fills at the open; otherwise
    /// the stop is assumed to come first when both levels lie inside the bar's range.
    /// </summary>
    public static void Stops<TRec>(KernelSpec k, ref double s, int stride, int lane, int t, ref V q, ref V cash, ref V tcur, ref V lowTrig, ref V highTrig, ref V entryPx, ref V entryFee, ref V entryBar, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        var lowT = lowTrig;
        var highT = highTrig;
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
        Close(k, ref s, stride, lane, t, exit, exitPx, fee, reason, ref q, ref cash, ref tcur, ref lowTrig, ref highTrig, ref entryPx, ref entryFee, ref entryBar, ref rec);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Close<TRec>(KernelSpec k, ref double s, int stride, int lane, int t, V mask, V exitPx, V feeRate, V reason, ref V q, ref V cash, ref V tcur, ref V lowTrig, ref V highTrig, ref V entryPx, ref V entryFee, ref V entryBar, ref TRec rec)
        where TRec : struct, ITradeRecorder
    {
        var aq = Vector512.Abs(q);
        var notional = aq * exitPx;
        var fee = notional * feeRate;
        var pnl = (q * (exitPx - entryPx)) - fee - entryFee;
        var ret = pnl / (aq * entryPx);
        var hold = Vector512.Create((double)t) - entryBar;
        var pnlM = pnl & mask;
        cash = Vector512.ConditionalSelect(mask, cash + ((q * exitPx) - fee), cash);
        Add(ref s, Trades, stride, lane, V.One & mask);
        Add(ref s, Wins, stride, lane, V.One & Vector512.GreaterThan(pnlM, V.Zero));
        Add(ref s, GrossProfit, stride, lane, Vector512.MaxNative(pnlM, V.Zero));
        Add(ref s, GrossLoss, stride, lane, Vector512.MaxNative(-pnlM, V.Zero));
        Add(ref s, SumRet, stride, lane, ret & mask);
        St(ref s, BestRet, stride, lane, Vector512.MaxNative(Ld(ref s, BestRet, stride, lane), Vector512.ConditionalSelect(mask, ret, NegInf)));
        St(ref s, WorstRet, stride, lane, Vector512.MinNative(Ld(ref s, WorstRet, stride, lane), Vector512.ConditionalSelect(mask, ret, PosInf)));
        Add(ref s, SumHold, stride, lane, hold & mask);
        Add(ref s, Notional, stride, lane, notional & mask);
        if (k.Tp > 0)
        {
            // maker fills (take-profit) are tallied apart: fees = taker rate x other notional + maker rate x this
            Add(ref s, MakerNotional, stride, lane, notional & mask & Vector512.Equals(reason, Vector512.Create((double)ExitReason.TakeProfit)));
        }

        if (rec.Enabled && (mask.ExtractMostSignificantBits() & 1) != 0)
        {
            rec.OnTrade((int)entryBar[0], entryPx[0], t, exitPx[0], q[0], pnl[0], ret[0], entryFee[0] + fee[0], (ExitReason)(int)reason[0]);
        }

        q = Vector512.AndNot(q, mask);
        if (k.HasStops)
        {
            lowTrig = Vector512.ConditionalSelect(mask, NegInf, lowTrig);
            highTrig = Vector512.ConditionalSelect(mask, PosInf, highTrig);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Open(KernelSpec k, ref double s, int stride, int lane, int t, V mask, V d, double basePrice, double slip, ref V q, ref V cash, ref V lowTrig, ref V highTrig, ref V entryPx, ref V entryFee, ref V entryBar)
    {
        var isBuy = Vector512.GreaterThan(d, V.Zero);
        var px = Vector512.ConditionalSelect(isBuy, Vector512.Create(basePrice + slip), Vector512.Create(basePrice - slip));
        var qn = Size(k, d, Vector512.MaxNative(cash, V.Zero), px);
        mask &= ~Vector512.Equals(qn, V.Zero) & Vector512.Equals(qn, qn);
        if (!Any(mask))
        {
            return;
        }

        var notional = Vector512.Abs(qn) * px;
        var fee = notional * Vector512.Create(k.FeeRate);
        cash = Vector512.ConditionalSelect(mask, cash - (qn * px) - fee, cash);
        q = Vector512.ConditionalSelect(mask, qn, q);
        entryPx = Vector512.ConditionalSelect(mask, px, entryPx);
        entryFee = Vector512.ConditionalSelect(mask, fee, entryFee);
        entryBar = Vector512.ConditionalSelect(mask, Vector512.Create((double)t), entryBar);
        Add(ref s, Notional, stride, lane, notional & mask);
        if (k.HasStops)
        {
            SetLevels(k, ref s, stride, lane, mask, isBuy, px, ref lowTrig, ref highTrig);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetLevels(KernelSpec k, ref double s, int stride, int lane, V mask, V isBuy, V px, ref V lowTrig, ref V highTrig)
    {
        var slLong = k.Sl > 0 ? px * Vector512.Create(1 - k.Sl) : NegInf;
        var slShort = k.Sl > 0 ? px * Vector512.Create(1 + k.Sl) : PosInf;
        var tpLong = k.Tp > 0 ? px * Vector512.Create(1 + k.Tp) : PosInf;
        var tpShort = k.Tp > 0 ? px * Vector512.Create(1 - k.Tp) : NegInf;
        var trLong = k.Trail > 0 ? px * Vector512.Create(1 - k.Trail) : NegInf;
        var trShort = k.Trail > 0 ? px * Vector512.Create(1 + k.Trail) : PosInf;
        SetMasked(ref s, SlLevel, stride, lane, mask, Vector512.ConditionalSelect(isBuy, slLong, slShort));
        SetMasked(ref s, Ext, stride, lane, mask, px);
        lowTrig = Vector512.ConditionalSelect(mask, Vector512.ConditionalSelect(isBuy, Vector512.MaxNative(slLong, trLong), tpShort), lowTrig);
        highTrig = Vector512.ConditionalSelect(mask, Vector512.ConditionalSelect(isBuy, tpLong, Vector512.MinNative(slShort, trShort)), highTrig);
    }
}
