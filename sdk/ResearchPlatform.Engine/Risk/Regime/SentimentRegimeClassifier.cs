namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>
/// <c>regime.classifier: fear_greed</c>: sentiment first. Fear &amp; Greed at/above the greed tie-break is bull, at/below
/// the fear tie-break bear; in between (or unknown) the trend band decides, else SIDEWAYS. Volatile when the volatility
/// percentile is at or above the threshold.
/// </summary>
internal sealed class SentimentRegimeClassifier(RegimeOptions options) : IRegimeClassifier
{
    public MarketRegime Classify(double trend, double volatilityPercentile, double? fearGreed)
    {
        var direction = fearGreed is { } fg && fg >= options.GreedTiebreak ? 1
            : fearGreed is { } f && f <= options.FearTiebreak ? -1
            : trend > options.TrendBand ? 1 : trend < -options.TrendBand ? -1 : 0;
        var isVolatile = volatilityPercentile >= options.VolatilePercentile;
        return direction switch
        {
            > 0 => isVolatile ? MarketRegime.BullVolatile : MarketRegime.BullStable,
            < 0 => isVolatile ? MarketRegime.BearVolatile : MarketRegime.BearStable,
            _ => MarketRegime.Sideways,
        };
    }
}
