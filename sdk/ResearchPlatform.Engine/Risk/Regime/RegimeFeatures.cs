namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>One day's regime features, e.g. from <see cref="RegimeSnapshot"/>, as training input for a classifier.</summary>
internal readonly record struct RegimeFeatures(double Trend, double VolatilityPercentile, double? FearGreed);
