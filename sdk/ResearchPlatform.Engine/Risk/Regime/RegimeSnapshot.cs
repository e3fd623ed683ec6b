namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>The regime after one daily close, with the features behind it.</summary>
/// <param name="Regime">Classified regime.</param>
/// <param name="Volatility">Annualised rolling volatility of log returns; NaN until the window is full.</param>
/// <param name="VolatilityPercentile">Share (0..1) of the stored volatility history at or below the current value; NaN until known.</param>
/// <param name="Trend">Close / SMA - 1; NaN until the trend window is full.</param>
/// <param name="FearGreed">Sentiment used (already lagged), or null.</param>
internal sealed record RegimeSnapshot(MarketRegime Regime, double Volatility, double VolatilityPercentile, double Trend, double? FearGreed)
{
    /// <summary>Bear regimes (where bear_market_reduction applies).</summary>
    public bool IsBear => Regime is MarketRegime.BearStable or MarketRegime.BearVolatile;
}
