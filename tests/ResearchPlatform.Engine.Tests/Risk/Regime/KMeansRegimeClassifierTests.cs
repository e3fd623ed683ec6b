using ResearchPlatform.Engine.Risk.Regime;

namespace ResearchPlatform.Engine.Tests.Risk.Regime;

public sealed class KMeansRegimeClassifierTests
{
    private static readonly (double Trend, double Vol, double Fg, MarketRegime Regime)[] Blobs =
    [
        (0.15, 0.2, 70, MarketRegime.BullStable),
        (0.15, 0.9, 80, MarketRegime.BullVolatile),
        (-0.15, 0.2, 30, MarketRegime.BearStable),
        (-0.15, 0.9, 15, MarketRegime.BearVolatile),
        (0.0, 0.5, 50, MarketRegime.Sideways),
    ];

    private static List<RegimeFeatures> Samples(int seed)
    {
        var rng = new Random(seed);
        return Blobs.SelectMany(b => Enumerable.Range(0, 40).Select(_ => new RegimeFeatures(
            b.Trend + ((rng.NextDouble() - 0.5) * 0.04), b.Vol + ((rng.NextDouble() - 0.5) * 0.1), b.Fg + ((rng.NextDouble() - 0.5) * 10)))).ToList();
    }

    [Fact]
    public void Fit_FiveSeparatedBlobs_OneClusterPerRegimeLabelledByItsCentre()
    {
        var c = KMeansRegimeClassifier.Fit(Samples(3), RegimeOptions.Default, clusters: 5, seed: 1);
        Assert.Equal(Blobs.Select(b => b.Regime).Order(), c.Clusters.Select(k => k.Regime).Order());
        var bullVolatile = c.Clusters.Single(k => k.Regime == MarketRegime.BullVolatile);
        Assert.InRange(bullVolatile.Trend, 0.13, 0.17);
        Assert.InRange(bullVolatile.VolatilityPercentile, 0.85, 0.95);
    }

    [Fact]
    public void Classify_PointsNearEachBlob_ReturnTheBlobsRegime()
    {
        var c = KMeansRegimeClassifier.Fit(Samples(3), RegimeOptions.Default, clusters: 5, seed: 1);
        Assert.All(Blobs, b => Assert.Equal(b.Regime, c.Classify(b.Trend * 1.1, b.Vol, b.Fg + 3)));
    }

    [Fact]
    public void Classify_UnknownVolatilityAndSentiment_UsesTheTrainingMeans()
    {
        var c = KMeansRegimeClassifier.Fit(Samples(3), RegimeOptions.Default, clusters: 5, seed: 1);
        Assert.Equal(MarketRegime.Sideways, c.Classify(0.0, double.NaN, null)); // means: vol 0.54, F&G 49
    }

    [Fact]
    public void Fit_SameSeed_SameClusters() =>
        Assert.Equal(
            KMeansRegimeClassifier.Fit(Samples(5), RegimeOptions.Default, 5, seed: 9).Clusters,
            KMeansRegimeClassifier.Fit(Samples(5), RegimeOptions.Default, 5, seed: 9).Clusters);

    [Fact]
    public void Fit_TooFewUsableRows_Throws()
    {
        RegimeFeatures[] rows = [new(0.1, 0.5, 50), new(double.NaN, 0.5, 50), new(0.1, double.NaN, 50)];
        var ex = Assert.Throws<ArgumentException>(() => KMeansRegimeClassifier.Fit(rows, RegimeOptions.Default, clusters: 2));
        Assert.StartsWith("1 usable rows for 2 clusters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegimeDetector_WithKMeansClassifier_ClassifiesThroughIt()
    {
        var classifier = KMeansRegimeClassifier.Fit(Samples(3), RegimeOptions.Default, clusters: 5, seed: 1);
        var options = new RegimeOptions(VolatilityWindow: 4, PercentileWindow: 10, TrendWindow: 5, MinPercentileSamples: 1);
        var d = new RegimeDetector(options, classifier);
        RegimeSnapshot s = d.Current;
        foreach (var close in new double[] { 100, 101, 100, 101, 100, 80, 70, 60, 50 })
        {
            s = d.Update(close, 10);
        }

        Assert.True(s.Trend < -0.15);
        Assert.Equal(classifier.Classify(s.Trend, s.VolatilityPercentile, 10), s.Regime);
        Assert.True(s.IsBear);
    }
}
