using static ResearchPlatform.Engine.Backtesting.LaneVar;

namespace ResearchPlatform.Engine.Backtesting.RiskAware;

/// <summary>
/// The kernel's accounting for one strategy, one fill at a time, in scalar code: the same formulas and operation
/// order as <see cref="KernelTrades"/> and the kernel's statistics pass, on a one-lane <see cref="LaneVar"/> state,
/// so <see cref="MetricsCalculator"/> turns it into the same <see cref="BacktestMetrics"/>.
/// </summary>
internal sealed class ScalarBook
{
    private readonly KernelSpec _k;
    private readonly double[] _s;
    private readonly TradeListRecorder _rec;

    public ScalarBook(KernelSpec k, int windowStart, TradeListRecorder rec)
    {
        _k = k;
        _s = LaneVar.Create(1, k.Cash0, windowStart);
        _rec = rec;
    }

    /// <summary>The one-lane state (stride 1, lane 0) for <see cref="MetricsCalculator"/>.</summary>
    public double[] State => _s;

    public double Position => _s[Q];

    public double Balance => _s[Cash];

    /// <summary>The target the position reflects.</summary>
    public double Current
    {
        get => _s[Tcur];
        set => _s[Tcur] = value;
    }

    /// <summary>Next-open: the target decided at the previous close.</summary>
    public double Pending
    {
        get => _s[Pend];
        set => _s[Pend] = value;
    }

    public double Equity(double price) => _s[Cash] + (_s[Q] * price);

    /// <summary>Slippage-adjusted fill price for a buy (<paramref name="buy"/>) or sell at <paramref name="basePrice"/>.</summary>
    public double FillPrice(int t, double basePrice, bool buy)
    {
        var slip = _k.Slip(t, basePrice);
        return buy ? basePrice + slip : basePrice - slip;
    }

    /// <summary>Units the kernel would open for target <paramref name="d"/> at <paramref name="px"/> with the current cash.</summary>
    public double Size(double d, double px)
    {
        var c = Math.Clamp(d, -1.0, 1.0);
        var equity = Math.Max(_s[Cash], 0);
        switch (_k.Sizing)
        {
            case SizingMode.FixedUnits:
                return c * _k.Units;
            case SizingMode.Fraction:
                return c * equity / (px * (1 + _k.FeeRate));
            default:
                var units = Math.Floor(Math.Abs(c) * equity / (px * (1 + _k.FeeRate)));
                return c < 0 ? -units : units;
        }
    }

    /// <summary>Closes the open position at the market (slippage, taker fee); returns the trade's PnL.</summary>
    public double Close(int t, double basePrice, ExitReason reason)
    {
        var q = _s[Q];
        var exitPx = FillPrice(t, basePrice, buy: q < 0);
        var entryPx = _s[EntryPx];
        var aq = Math.Abs(q);
        var notional = aq * exitPx;
        var fee = notional * _k.FeeRate;
        var pnl = (q * (exitPx - entryPx)) - fee - _s[EntryFee];
        var ret = pnl / (aq * entryPx);
        _s[Cash] += (q * exitPx) - fee;
        _s[Trades] += 1;
        _s[Wins] += pnl > 0 ? 1 : 0;
        _s[GrossProfit] += Math.Max(pnl, 0);
        _s[GrossLoss] += Math.Max(-pnl, 0);
        _s[SumRet] += ret;
        _s[BestRet] = Math.Max(_s[BestRet], ret);
        _s[WorstRet] = Math.Min(_s[WorstRet], ret);
        _s[SumHold] += t - _s[EntryBar];
        _s[Notional] += notional;
        _rec.OnTrade((int)_s[EntryBar], entryPx, t, exitPx, q, pnl, ret, _s[EntryFee] + fee, reason);
        _s[Q] = 0;
        return pnl;
    }

    /// <summary>Opens <paramref name="units"/> at fill price <paramref name="px"/> (taker fee).</summary>
    public void Open(int t, double units, double px)
    {
        var notional = Math.Abs(units) * px;
        var fee = notional * _k.FeeRate;
        _s[Cash] = _s[Cash] - (units * px) - fee;
        _s[Q] = units;
        _s[EntryPx] = px;
        _s[EntryFee] = fee;
        _s[EntryBar] = t;
        _s[Notional] += notional;
    }

    /// <summary>Charges the bar's funding, records equity at the close and updates the per-bar statistics.</summary>
    public double MarkClose(int t)
    {
        if (_k.Funding is { } f && f[t] != 0)
        {
            _s[Cash] -= _s[Q] * _k.Close[t] * f[t];
        }

        var e = _s[Cash] + (_s[Q] * _k.Close[t]);
        var r = (e / _s[Eprev]) - 1;
        _s[SumR] += r;
        var r2 = r * r;
        _s[SumR2] += r2;
        _s[SumR3] += r2 * r;
        _s[SumR4] += r2 * r2;
        var neg = Math.Min(r, 0);
        _s[SumNeg2] += neg * neg;
        _s[MaxDur] = Math.Max(_s[MaxDur], t - _s[PeakBar]);
        if (e >= _s[Peak])
        {
            _s[PeakBar] = t;
            _s[Peak] = e;
        }

        if (e < _s[Peak] * _s[MinRatio])
        {
            _s[MinRatio] = Math.Min(_s[MinRatio], e / _s[Peak]);
        }

        _s[Eprev] = e;
        _rec.OnMark(t, e);
        return e;
    }
}
