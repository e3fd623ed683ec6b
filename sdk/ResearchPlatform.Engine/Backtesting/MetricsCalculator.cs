using static ResearchPlatform.Engine.Backtesting.LaneVar;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Turns a lane's final kernel state into <see cref="BacktestMetrics"/> (formulas: docs/backtesting.md).</summary>
internal static class MetricsCalculator
{
    public static BacktestMetrics Compute(double[] st, int stride, int lane, BarRange window, double barsPerYear, KernelSpec k)
    {
        double V(int var) => st[LaneVar.Index(var, lane, stride)];
        var n = window.Length;
        var cash0 = k.Cash0;
        var final = V(Eprev);
        var trades = (int)V(Trades);
        var mean = V(SumR) / n;
        var variance = n > 1 ? (V(SumR2) - (V(SumR) * V(SumR) / n)) / (n - 1) : 0;
        var std = variance > 0 ? Math.Sqrt(variance) : 0;
        var downside = Math.Sqrt(V(SumNeg2) / n);
        var (skew, kurt) = Moments(n, V(SumR), V(SumR2), V(SumR3), V(SumR4));
        var annual = Math.Sqrt(barsPerYear);
        var years = n / barsPerYear;
        var growth = final / cash0;
        var cagr = growth > 0 ? (Math.Pow(growth, 1 / years) - 1) * 100 : -100;
        var maxDd = (Math.Min(V(MinRatio), 1) - 1) * 100;
        var heldBars = V(SumHold);
        if (k.EndMode == EndOfDataMode.None && V(Q) != 0)
        {
            heldBars += window.End - V(EntryBar);
        }

        var gp = V(GrossProfit);
        var gl = V(GrossLoss);
        var m = new BacktestMetrics
        {
            FinalEquity = final,
            Pnl = final - cash0,
            TotalReturnPct = (growth - 1) * 100,
            CagrPct = cagr,
            VolatilityAnnPct = std * annual * 100,
            Sharpe = std > 0 ? mean / std * annual : 0,
            Sortino = downside > 0 ? mean / downside * annual : 0,
            Calmar = maxDd < 0 ? cagr / -maxDd : 0,
            MaxDrawdownPct = maxDd,
            MaxDrawdownDurationBars = (int)V(MaxDur),
            Trades = trades,
            WinRatePct = trades > 0 ? V(Wins) / trades * 100 : 0,
            ProfitFactor = gl > 0 ? gp / gl : gp > 0 ? double.PositiveInfinity : 0,
            ExpectancyPct = trades > 0 ? V(SumRet) / trades * 100 : 0,
            BestTradePct = trades > 0 ? V(BestRet) * 100 : 0,
            WorstTradePct = trades > 0 ? V(WorstRet) * 100 : 0,
            AvgTradePnl = trades > 0 ? (gp - gl) / trades : 0,
            ExposurePct = heldBars / n * 100,
            AvgHoldingBars = trades > 0 ? V(SumHold) / trades : 0,
            FeesPaid = ((V(Notional) - V(MakerNotional)) * k.FeeRate) + (V(MakerNotional) * k.MakerRate),
            Turnover = V(Notional) / cash0,
            Bars = n,
            BarsPerYear = barsPerYear,
            Skewness = skew,
            Kurtosis = kurt,
        };
        return k.FullStatistics ? m : m with
        {
            VolatilityAnnPct = double.NaN,
            Sharpe = double.NaN,
            Sortino = double.NaN,
            Calmar = double.NaN,
            MaxDrawdownPct = double.NaN,
            MaxDrawdownDurationBars = 0,
            Skewness = double.NaN,
            Kurtosis = double.NaN,
        };
    }

    /// <summary>
    /// Skewness and kurtosis (not excess) of n per-bar returns from their power sums: population central moments
    /// m2, m3, m4 about the mean; 0 and 3 (the normal values) when the returns have no variance.
    /// </summary>
    internal static (double Skewness, double Kurtosis) Moments(int n, double s1, double s2, double s3, double s4)
    {
        if (n < 2)
        {
            return (0, 3);
        }

        var mean = s1 / n;
        var m2 = (s2 / n) - (mean * mean);
        if (!(m2 > 1e-300))
        {
            return (0, 3);
        }

        var m3 = (s3 / n) - (3 * mean * s2 / n) + (2 * mean * mean * mean);
        var m4 = (s4 / n) - (4 * mean * s3 / n) + (6 * mean * mean * s2 / n) - (3 * mean * mean * mean * mean);
        return (m3 / Math.Pow(m2, 1.5), m4 / (m2 * m2));
    }
}
