namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// The statistics of one backtest (one strategy over one window). Formulas: docs/backtesting.md. Percentages are
/// in percent (12.5 = 12.5 %). Ratios that are undefined (no variance, no losing trade, no drawdown) are 0, except
/// the profit factor, which is +∞ when there are winning trades and no losing one.
/// </summary>
public sealed record BacktestMetrics
{
    /// <summary>Equity at the last bar's close (after the end-of-data rule).</summary>
    public double FinalEquity { get; init; }

    /// <summary>Final equity minus the initial cash.</summary>
    public double Pnl { get; init; }

    /// <summary>(final / initial - 1) × 100.</summary>
    public double TotalReturnPct { get; init; }

    /// <summary>((final / initial)^(1 / years) - 1) × 100 with years = bars / bars per year; -100 when equity ends &lt;= 0.</summary>
    public double CagrPct { get; init; }

    /// <summary>Sample standard deviation of per-bar returns × sqrt(bars per year) × 100.</summary>
    public double VolatilityAnnPct { get; init; }

    /// <summary>mean / sample std of per-bar returns × sqrt(bars per year) (risk-free rate 0).</summary>
    public double Sharpe { get; init; }

    /// <summary>mean / downside deviation (sqrt(Σ min(r, 0)² / n)) × sqrt(bars per year).</summary>
    public double Sortino { get; init; }

    /// <summary>CAGR / |max drawdown|.</summary>
    public double Calmar { get; init; }

    /// <summary>min over bars of (equity / running peak - 1) × 100, equity marked at every close (&lt;= 0).</summary>
    public double MaxDrawdownPct { get; init; }

    /// <summary>Longest stretch, in bars, from an equity peak until equity regains it (or the end).</summary>
    public int MaxDrawdownDurationBars { get; init; }

    /// <summary>Closed trades (a reversal counts the closed trade; the new one counts when it closes).</summary>
    public int Trades { get; init; }

    /// <summary>Share of closed trades with PnL &gt; 0 (fees included), in percent.</summary>
    public double WinRatePct { get; init; }

    /// <summary>Gross profit / gross loss of closed trades (money, fees included).</summary>
    public double ProfitFactor { get; init; }

    /// <summary>Mean trade return in percent (trade PnL / entry notional).</summary>
    public double ExpectancyPct { get; init; }

    /// <summary>Best trade return in percent.</summary>
    public double BestTradePct { get; init; }

    /// <summary>Worst trade return in percent.</summary>
    public double WorstTradePct { get; init; }

    /// <summary>Mean trade PnL in money.</summary>
    public double AvgTradePnl { get; init; }

    /// <summary>Share of bars whose close found a position open, in percent.</summary>
    public double ExposurePct { get; init; }

    /// <summary>Mean bars a closed trade was held (bar closes with the position open).</summary>
    public double AvgHoldingBars { get; init; }

    /// <summary>Total fees paid (money).</summary>
    public double FeesPaid { get; init; }

    /// <summary>Traded notional (entries and exits) / initial cash.</summary>
    public double Turnover { get; init; }

    /// <summary>Bars in the window.</summary>
    public int Bars { get; init; }

    /// <summary>Skewness of the per-bar returns (population moment; 0 without variance).</summary>
    public double Skewness { get; init; }

    /// <summary>Kurtosis (not excess: 3 for normal returns) of the per-bar returns (population moment).</summary>
    public double Kurtosis { get; init; } = 3;

    /// <summary>Annualisation factor used (365-day years for 24/7 data, 252 trading days otherwise).</summary>
    public double BarsPerYear { get; init; }
}
