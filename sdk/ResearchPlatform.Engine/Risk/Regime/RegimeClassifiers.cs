namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>
/// The regime classifiers selectable by the configuration key <c>regime.classifier</c>:
/// <c>composite</c> (default: trend, volatility percentile, Fear &amp; Greed as tie-break = <see cref="RuleRegimeClassifier"/>),
/// <c>volatility</c> (trend and volatility percentile only, sentiment ignored) and <c>fear_greed</c>
/// (<see cref="SentimentRegimeClassifier"/>). The k-means classifier needs a fitted history and is chosen in code.
/// </summary>
internal static class RegimeClassifiers
{
    /// <summary>The configuration key.</summary>
    public const string Key = "regime.classifier";

    /// <summary>The default value.</summary>
    public const string Default = "composite";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> Names { get; } = ["composite", "volatility", "fear_greed"];

    /// <summary>The classifier named <paramref name="name"/> (null or empty = composite).</summary>
    /// <exception cref="RiskConfigurationException">Unknown name; the message names the key and the accepted values.</exception>
    public static IRegimeClassifier Create(string? name, RegimeOptions? options = null)
    {
        var o = options ?? RegimeOptions.Default;
        return (string.IsNullOrWhiteSpace(name) ? Default : name.Trim().ToLowerInvariant()) switch
        {
            "composite" => new RuleRegimeClassifier(o),
            "volatility" => new NoSentiment(new RuleRegimeClassifier(o)),
            "fear_greed" => new SentimentRegimeClassifier(o),
            _ => throw new RiskConfigurationException($"{Key}: unknown value '{name}' (accepted: {string.Join(", ", Names)})"),
        };
    }

    private sealed class NoSentiment(IRegimeClassifier inner) : IRegimeClassifier
    {
        public MarketRegime Classify(double trend, double volatilityPercentile, double? fearGreed) => inner.Classify(trend, volatilityPercentile, null);
    }
}
