using ResearchPlatform.Engine.Risk.Regime;

namespace ResearchPlatform.Engine.Risk;

/// <summary>Market-side inputs of one risk update (from the regime detector and the sentiment history).</summary>
/// <param name="VolatilityPercentile">Percentile (0..1) of the current rolling volatility; NaN when unknown.</param>
/// <param name="FearGreed">Fear &amp; Greed value usable now (already lagged), or null when unknown.</param>
/// <param name="Regime">Current market regime.</param>
internal sealed record MarketState(double VolatilityPercentile, double? FearGreed, MarketRegime Regime)
{
    /// <summary>No market information: no volatility or sentiment breaker can change state.</summary>
    public static MarketState Unknown { get; } = new(double.NaN, null, MarketRegime.Sideways);
}
