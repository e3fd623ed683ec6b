namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>
/// Regime detector, updated once per daily close in O(window): rolling 20-day volatility of log returns,
/// its percentile over the last year of volatility values, trend = close vs its 50-day SMA, and Fear &amp; Greed; the
/// features go to an <see cref="IRegimeClassifier"/> (rules by default, or k-means). Feed sentiment through <see cref="FearGreedHistory.ValueAsOf"/> so it is
/// lagged correctly.
/// </summary>
internal sealed class RegimeDetector
{
    private readonly RegimeOptions _o;
    private readonly RollingWindow _returns;
    private readonly RollingWindow _closes;
    private readonly RollingWindow _vols;
    private readonly IRegimeClassifier _classifier;
    private double _lastClose = double.NaN;

    /// <summary>Creates a detector; <paramref name="classifier"/> defaults to <see cref="RuleRegimeClassifier"/>.</summary>
    public RegimeDetector(RegimeOptions? options = null, IRegimeClassifier? classifier = null)
    {
        _o = options ?? RegimeOptions.Default;
        _classifier = classifier ?? new RuleRegimeClassifier(_o);
        _returns = new RollingWindow(_o.VolatilityWindow);
        _closes = new RollingWindow(_o.TrendWindow);
        _vols = new RollingWindow(_o.PercentileWindow);
    }

    public RegimeSnapshot Current { get; private set; } = new(MarketRegime.Sideways, double.NaN, double.NaN, double.NaN, null);

    /// <summary>Adds one daily close and the sentiment usable at that close; returns the new regime.</summary>
    public RegimeSnapshot Update(double close, double? fearGreed)
    {
        if (!(close > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(close), close, "close must be positive");
        }

        if (_lastClose > 0)
        {
            _returns.Add(Math.Log(close / _lastClose));
        }

        _lastClose = close;
        _closes.Add(close);
        var vol = double.NaN;
        var pct = double.NaN;
        if (_returns.Count == _returns.Capacity)
        {
            vol = _returns.MeanStdDev().StdDev * Math.Sqrt(_o.PeriodsPerYear);
            _vols.Add(vol);
            pct = _vols.Count >= _o.MinPercentileSamples ? Percentile(_vols, vol) : double.NaN;
        }

        var trend = _closes.Count == _closes.Capacity ? (close / Mean(_closes)) - 1 : double.NaN;
        Current = new RegimeSnapshot(Classify(trend, pct, fearGreed), vol, pct, trend, fearGreed);
        return Current;
    }

    private MarketRegime Classify(double trend, double volPercentile, double? fearGreed) =>
        double.IsNaN(trend) ? MarketRegime.Sideways : _classifier.Classify(trend, volPercentile, fearGreed);

    private static double Mean(RollingWindow w)
    {
        var s = 0.0;
        for (var i = 0; i < w.Count; i++)
        {
            s += w[i];
        }

        return s / w.Count;
    }

    private static double Percentile(RollingWindow history, double value)
    {
        var atOrBelow = 0;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i] <= value)
            {
                atOrBelow++;
            }
        }

        return (double)atOrBelow / history.Count;
    }
}
