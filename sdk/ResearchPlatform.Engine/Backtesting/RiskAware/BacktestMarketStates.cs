using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Backtesting.RiskAware;

/// <summary>
/// The market state a risk-aware backtest hands the risk manager at each bar's close, so the volatility and Fear &amp;
/// Greed breakers and the regime work in backtests: a <see cref="RegimeDetector"/> (with the configured classifier) is
/// updated with each UTC day's close (the close of the day's last bar: the next bar closes on a later UTC day, a close
/// at 00:00 counting for the day before; every bar for daily and longer bars), and the bar sees the detector's state after the last daily close at or before its own close. Fear &amp; Greed
/// comes from <see cref="FearGreedHistory.ValueAsOf"/> at the bar's close (day d usable only from d+1: no look-ahead).
/// </summary>
internal static class BacktestMarketStates
{
    /// <summary>One state per bar of <paramref name="bars"/>.</summary>
    public static MarketState[] Compute(BarSeries bars, FearGreedHistory? fearGreed, IRegimeClassifier? classifier = null, RegimeOptions? options = null)
    {
        var regimes = Regimes(bars, fearGreed, classifier, options);
        var states = new MarketState[regimes.Length];
        for (var t = 0; t < regimes.Length; t++)
        {
            var r = regimes[t];
            states[t] = new MarketState(r.VolatilityPercentile, r.FearGreed, r.Regime);
        }

        return states;
    }

    /// <summary>
    /// The detector's snapshot in force at each bar's close (regime, volatility, its percentile, trend and the lagged
    /// Fear &amp; Greed value at that close), for views that show the features behind the state.
    /// </summary>
    public static RegimeSnapshot[] Regimes(BarSeries bars, FearGreedHistory? fearGreed, IRegimeClassifier? classifier = null, RegimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var detector = new RegimeDetector(options, classifier);
        var states = new RegimeSnapshot[bars.Count];
        var daily = bars.Interval.Duration >= TimeSpan.FromDays(1);
        for (var t = 0; t < bars.Count; t++)
        {
            var close = bars.TimeAt(t) + bars.Interval.Duration;
            var fg = fearGreed?.ValueAsOf(close);
            if ((daily || (t + 1 < bars.Count && Day(bars, t + 1) != Day(bars, t))) && bars.Close[t] > 0)
            {
                detector.Update(bars.Close[t], fg);
            }

            states[t] = detector.Current with { FearGreed = fg };
        }

        return states;
    }

    /// <summary>The UTC day bar t's close belongs to (a close at 00:00 belongs to the day before).</summary>
    private static long Day(BarSeries bars, int t) => ((bars.TimeAt(t) + bars.Interval.Duration).UtcTicks - 1) / TimeSpan.TicksPerDay;
}
