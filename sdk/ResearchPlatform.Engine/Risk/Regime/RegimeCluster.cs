namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>A k-means cluster centre in feature units and the regime it stands for.</summary>
internal sealed record RegimeCluster(MarketRegime Regime, double Trend, double VolatilityPercentile, double FearGreed);
