namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>Market regime from trend, volatility percentile and sentiment.</summary>
internal enum MarketRegime
{
    /// <summary>No clear trend (or not enough history yet).</summary>
    Sideways,

    BullStable,
    BullVolatile,
    BearStable,
    BearVolatile,
}
