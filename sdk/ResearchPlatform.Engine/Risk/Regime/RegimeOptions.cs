namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>Settings of <see cref="RegimeDetector"/> (daily bars).</summary>
/// <param name="VolatilityWindow">Days of log returns in the rolling volatility (20).</param>
/// <param name="PercentileWindow">Days of rolling-volatility history the percentile is taken over (365).</param>
/// <param name="TrendWindow">Days in the trend's simple moving average (50).</param>
/// <param name="TrendBand">Close within SMA x (1 +/- band) counts as no trend (0.02).</param>
/// <param name="VolatilePercentile">Volatility percentile at or above which the regime is volatile (0.7).</param>
/// <param name="GreedTiebreak">Fear &amp; Greed at or above which a trendless market counts as bull (75).</param>
/// <param name="FearTiebreak">Fear &amp; Greed at or below which a trendless market counts as bear (25).</param>
/// <param name="PeriodsPerYear">Annualisation factor for volatility (365: crypto trades every day).</param>
/// <param name="MinPercentileSamples">Volatility values needed before a percentile is reported (30); NaN before.</param>
internal sealed record RegimeOptions(
    int VolatilityWindow = 20,
    int PercentileWindow = 365,
    int TrendWindow = 50,
    double TrendBand = 0.02,
    double VolatilePercentile = 0.7,
    double GreedTiebreak = 75,
    double FearTiebreak = 25,
    double PeriodsPerYear = 365,
    int MinPercentileSamples = 30)
{
    public static RegimeOptions Default { get; } = new();
}
