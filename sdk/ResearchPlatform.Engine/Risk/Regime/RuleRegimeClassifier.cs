namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>
/// The default classifier: trend beyond +/- band is bull/bear; inside the band Fear &amp; Greed breaks the tie; volatile
/// when the volatility percentile is at or above the option's threshold (NaN counts as stable).
/// </summary>
internal sealed class RuleRegimeClassifier(RegimeOptions options) : IRegimeClassifier
{
    public MarketRegime Classify(double trend, double volatilityPercentile, double? fearGreed)
    {
        var direction = trend > options.TrendBand ? 1 : trend < -options.TrendBand ? -1 : 0;
        if (direction == 0 && fearGreed is { } fg)
        {
            direction = fg >= options.GreedTiebreak ? 1 : fg <= options.FearTiebreak ? -1 : 0;
        }

        var isVolatile = volatilityPercentile >= options.VolatilePercentile;
        return direction switch
        {
            > 0 => isVolatile ? MarketRegime.BullVolatile : MarketRegime.BullStable,
            < 0 => isVolatile ? MarketRegime.BearVolatile : MarketRegime.BearStable,
            _ => MarketRegime.Sideways,
        };
    }
}
