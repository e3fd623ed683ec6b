namespace ResearchPlatform.Engine.Risk;

/// <summary>
/// Keeps the history the risk metrics need (equity highs, recent returns, per-asset returns, fills, losing streak) and
/// computes <see cref="RiskMetrics"/>. Time is passed in by the owner (which reads its TimeProvider).
/// </summary>
internal sealed class RiskMetricsTracker
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly RiskManagerOptions _options;
    private readonly RollingWindow _portfolioReturns;
    private readonly Dictionary<string, (RollingWindow Asset, RollingWindow Portfolio)> _pairs = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _fills = new();
    private double _peakEquity = double.NaN;
    private double _lastEquity = double.NaN;
    private double _dayStartEquity = double.NaN;
    private double _dayHigh = double.NaN;
    private DateOnly _day;

    public RiskMetricsTracker(RiskManagerOptions options)
    {
        _options = options;
        _portfolioReturns = new RollingWindow(options.ReturnWindow);
    }

    public int ConsecutiveLosses { get; private set; }

    public double LossStreakPct { get; private set; }

    /// <summary>Records one bar: equity, and each asset's return over the bar (aligned with the portfolio's return).</summary>
    public void OnBar(PortfolioSnapshot portfolio, IReadOnlyDictionary<string, double>? assetReturns, DateTimeOffset now)
    {
        var equity = portfolio.Equity;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (double.IsNaN(_dayStartEquity) || day != _day)
        {
            _day = day;
            _dayStartEquity = double.IsNaN(_lastEquity) ? equity : _lastEquity;
            _dayHigh = _dayStartEquity;
        }

        _dayHigh = Math.Max(_dayHigh, equity);
        _peakEquity = double.IsNaN(_peakEquity) ? equity : Math.Max(_peakEquity, equity);
        if (!double.IsNaN(_lastEquity) && _lastEquity > 0)
        {
            var r = (equity / _lastEquity) - 1;
            _portfolioReturns.Add(r);
            if (assetReturns is not null)
            {
                foreach (var (symbol, ar) in assetReturns)
                {
                    if (!_pairs.TryGetValue(symbol, out var pair))
                    {
                        pair = (new RollingWindow(_options.ReturnWindow), new RollingWindow(_options.ReturnWindow));
                        _pairs[symbol] = pair;
                    }

                    pair.Asset.Add(ar);
                    pair.Portfolio.Add(r);
                }
            }
        }

        _lastEquity = equity;
    }

    /// <summary>Records a fill (counts toward the trade rate).</summary>
    public void OnFill(DateTimeOffset at) => _fills.Enqueue(at);

    /// <summary>Records a closed trade's realised PnL; a loss extends the streak, a win or break-even ends it.</summary>
    public void OnTradeClosed(double pnl, double equity)
    {
        if (pnl < 0)
        {
            ConsecutiveLosses++;
            LossStreakPct += equity > 0 ? -pnl / equity : 0;
        }
        else
        {
            ClearLossStreak();
        }
    }

    public void ClearLossStreak()
    {
        ConsecutiveLosses = 0;
        LossStreakPct = 0;
    }

    /// <summary>Fills in the hour before <paramref name="now"/>.</summary>
    public int TradesLastHour(DateTimeOffset now)
    {
        while (_fills.Count > 0 && now - _fills.Peek() >= Hour)
        {
            _fills.Dequeue();
        }

        return _fills.Count;
    }

    public RiskMetrics Compute(PortfolioSnapshot portfolio, DateTimeOffset now)
    {
        var equity = portfolio.Equity;
        var exposure = 0.0;
        var largest = 0.0;
        var corrSum = 0.0;
        var corrCount = 0;
        foreach (var p in portfolio.Positions)
        {
            exposure += p.Notional;
            largest = Math.Max(largest, p.Notional);
            if (_pairs.TryGetValue(p.Symbol, out var pair) && pair.Asset.Count >= _options.MinCorrelationSamples)
            {
                var c = Correlation(pair.Asset, pair.Portfolio);
                if (!double.IsNaN(c))
                {
                    corrSum += c;
                    corrCount++;
                }
            }
        }

        var (mean, sd) = _portfolioReturns.MeanStdDev();
        var annual = Math.Sqrt(_options.PeriodsPerYear);
        var enough = _portfolioReturns.Count >= _options.MinCorrelationSamples;
        return new RiskMetrics(
            TotalExposurePct: equity > 0 ? exposure / equity : double.PositiveInfinity,
            PositionCount: portfolio.Positions.Count,
            DailyPnl: double.IsNaN(_dayStartEquity) ? 0 : equity - _dayStartEquity,
            DailyDrawdownPct: Drawdown(_dayHigh, equity),
            TotalDrawdownPct: Drawdown(_peakEquity, equity),
            PortfolioVolatilityPct: enough ? sd * annual : double.NaN,
            RecentSharpe: enough && sd > 0 ? mean / sd * annual : double.NaN,
            AverageCorrelation: corrCount >= 2 ? corrSum / corrCount : 0,
            ConcentrationPct: equity > 0 ? largest / equity : double.PositiveInfinity,
            ConsecutiveLosses: ConsecutiveLosses,
            LossStreakPct: LossStreakPct,
            TradesLastHour: TradesLastHour(now));
    }

    private static double Drawdown(double high, double equity) =>
        double.IsNaN(high) || high <= 0 ? 0 : Math.Max(0, (high - equity) / high);

    /// <summary>Pearson correlation of two aligned windows; NaN when either is constant.</summary>
    internal static double Correlation(RollingWindow x, RollingWindow y)
    {
        var n = x.Count;
        double sx = 0, sy = 0;
        for (var i = 0; i < n; i++)
        {
            sx += x[i];
            sy += y[i];
        }

        double mx = sx / n, my = sy / n, cxy = 0, cxx = 0, cyy = 0;
        for (var i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            cxy += dx * dy;
            cxx += dx * dx;
            cyy += dy * dy;
        }

        return cxx > 0 && cyy > 0 ? cxy / Math.Sqrt(cxx * cyy) : double.NaN;
    }
}
