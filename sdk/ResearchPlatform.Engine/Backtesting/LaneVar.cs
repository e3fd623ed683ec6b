namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// Per-lane state variables of the kernel. A window's state is one array, group-major: the 31 variables of a group of
/// 8 lanes lie together (<c>state[group * 31 * 8 + var * 8 + lane % 8]</c>, <see cref="Index"/>), so a group of one
/// variable is one contiguous vector and a group's whole state is one 2 KB block (a trade touches a dozen variables:
/// with the former variable-major layout those were a dozen lines 38 KB apart). A state of stride 1 (one scalar lane,
/// <c>ScalarBook</c>) is simply <c>state[var]</c>.
/// </summary>
internal static class LaneVar
{
    public const int Q = 0;           // signed units held
    public const int Cash = 1;
    public const int Tcur = 2;        // the target the position reflects
    public const int Pend = 3;        // next-open: the target decided at the previous close
    public const int Eprev = 4;       // equity at the previous close (initial cash before the first bar)
    public const int Peak = 5;        // highest equity so far
    public const int MinRatio = 6;    // lowest equity / peak so far (1 = no drawdown)
    public const int PeakBar = 7;     // bar of the latest peak
    public const int MaxDur = 8;      // longest drawdown, bars
    public const int SumR = 9;        // Σ per-bar returns
    public const int SumR2 = 10;      // Σ r²
    public const int SumNeg2 = 11;    // Σ min(r, 0)²
    public const int LowTrig = 12;    // exit when low <= this (long stop / short take-profit); -inf when none
    public const int HighTrig = 13;   // exit when high >= this (long take-profit / short stop); +inf when none
    public const int Ext = 14;        // best price since entry (trailing stop)
    public const int SlLevel = 15;    // fixed stop-loss level (±inf when off)
    public const int EntryPx = 16;
    public const int EntryFee = 17;
    public const int EntryBar = 18;
    public const int Trades = 19;
    public const int Wins = 20;
    public const int GrossProfit = 21;
    public const int GrossLoss = 22;
    public const int SumRet = 23;
    public const int BestRet = 24;
    public const int WorstRet = 25;
    public const int SumHold = 26;    // bars held by closed trades
    public const int MakerNotional = 27; // notional of maker (take-profit) fills
    public const int Notional = 28;   // traded notional
    public const int SumR3 = 29;     // Σ r³ (skewness)
    public const int SumR4 = 30;     // Σ r⁴ (kurtosis)
    public const int Count = 31;

    /// <summary>Allocates and initialises the state of one window: flat, initial cash, no drawdown.</summary>
    public static double[] Create(int stride, double cash, int windowStart)
    {
        var s = new double[Count * stride];
        Fill(s, stride, Cash, cash);
        Fill(s, stride, Eprev, cash);
        Fill(s, stride, Peak, cash);
        Fill(s, stride, MinRatio, 1);
        Fill(s, stride, PeakBar, windowStart);
        Fill(s, stride, LowTrig, double.NegativeInfinity);
        Fill(s, stride, HighTrig, double.PositiveInfinity);
        Fill(s, stride, BestRet, double.NegativeInfinity);
        Fill(s, stride, WorstRet, double.PositiveInfinity);
        return s;
    }

    /// <summary>Where variable <paramref name="var"/> of <paramref name="lane"/> lives in a state of <paramref name="stride"/> lanes.</summary>
    public static int Index(int var, int lane, int stride)
    {
        var width = stride % 8 == 0 ? 8 : 1;
        return ((lane / width) * Count * width) + (var * width) + (lane % width);
    }

    private static void Fill(double[] s, int stride, int var, double value)
    {
        for (var lane = 0; lane < stride; lane++)
        {
            s[Index(var, lane, stride)] = value;
        }
    }
}
