namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>Maps regime features to a regime. Selectable in <see cref="RegimeDetector"/>'s constructor.</summary>
internal interface IRegimeClassifier
{
    /// <summary>
    /// Classifies one set of features. <paramref name="trend"/> is close / SMA - 1 and finite (the detector answers
    /// SIDEWAYS itself until it is known); <paramref name="volatilityPercentile"/> is 0..1 or NaN while unknown.
    /// </summary>
    MarketRegime Classify(double trend, double volatilityPercentile, double? fearGreed);
}
