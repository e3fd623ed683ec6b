using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>
/// Alternative regime classifier: ML.NET k-means (k-means++ init, seeded) over the standardised features trend,
/// volatility percentile and Fear &amp; Greed. Each cluster is labelled by applying the rule classifier to its centre;
/// a day is classified by its nearest centre (what k-means prediction does), without ML.NET on the hot path.
/// Unknown volatility and sentiment are imputed with the training means.
/// </summary>
internal sealed class KMeansRegimeClassifier : IRegimeClassifier
{
    private readonly double[] _mean;
    private readonly double[] _std;
    private readonly double[][] _centres;
    private readonly MarketRegime[] _labels;

    private KMeansRegimeClassifier(double[] mean, double[] std, double[][] centres, MarketRegime[] labels, IReadOnlyList<RegimeCluster> clusters)
    {
        _mean = mean;
        _std = std;
        _centres = centres;
        _labels = labels;
        Clusters = clusters;
    }

    /// <summary>The cluster centres in feature units with their regimes.</summary>
    public IReadOnlyList<RegimeCluster> Clusters { get; }

    /// <summary>Trains on the rows whose trend and volatility percentile are known.</summary>
    /// <exception cref="ArgumentException">Fewer usable rows than clusters.</exception>
    public static KMeansRegimeClassifier Fit(IEnumerable<RegimeFeatures> samples, RegimeOptions options, int clusters = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        var rows = samples.Where(s => double.IsFinite(s.Trend) && double.IsFinite(s.VolatilityPercentile))
            .Select(s => new[] { s.Trend, s.VolatilityPercentile, s.FearGreed ?? double.NaN }).ToList();
        if (rows.Count < clusters)
        {
            throw new ArgumentException($"{rows.Count} usable rows for {clusters} clusters", nameof(samples));
        }

        var (mean, std) = Standardisation(rows);
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = Scale(r, mean, std) }));
        var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfClusters = clusters,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
        }).Fit(data).Model;
        VBuffer<float>[] raw = [];
        model.GetClusterCentroids(ref raw, out var k);
        var rules = new RuleRegimeClassifier(options);
        var centres = new double[k][];
        var labels = new MarketRegime[k];
        var described = new RegimeCluster[k];
        for (var c = 0; c < k; c++)
        {
            var dense = raw[c].DenseValues().Select(v => (double)v).ToArray();
            centres[c] = dense;
            var trend = (dense[0] * std[0]) + mean[0];
            var vol = (dense[1] * std[1]) + mean[1];
            var fg = (dense[2] * std[2]) + mean[2];
            labels[c] = rules.Classify(trend, vol, fg);
            described[c] = new RegimeCluster(labels[c], trend, vol, fg);
        }

        return new KMeansRegimeClassifier(mean, std, centres, labels, described);
    }

    public MarketRegime Classify(double trend, double volatilityPercentile, double? fearGreed)
    {
        Span<double> x = stackalloc double[3];
        x[0] = (trend - _mean[0]) / _std[0];
        x[1] = double.IsNaN(volatilityPercentile) ? 0 : (volatilityPercentile - _mean[1]) / _std[1];
        x[2] = fearGreed is { } fg ? (fg - _mean[2]) / _std[2] : 0;
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var c = 0; c < _centres.Length; c++)
        {
            var d = 0.0;
            for (var j = 0; j < 3; j++)
            {
                var diff = x[j] - _centres[c][j];
                d += diff * diff;
            }

            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return _labels[best];
    }

    private static (double[] Mean, double[] Std) Standardisation(List<double[]> rows)
    {
        var mean = new double[3];
        var std = new double[3];
        for (var j = 0; j < 3; j++)
        {
            var values = rows.Select(r => r[j]).Where(double.IsFinite).ToList();
            mean[j] = values.Count > 0 ? values.Average() : 50;
            var variance = values.Count > 1 ? values.Sum(v => (v - mean[j]) * (v - mean[j])) / (values.Count - 1) : 0;
            std[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }

        return (mean, std);
    }

    private static float[] Scale(double[] row, double[] mean, double[] std)
    {
        var scaled = new float[3];
        for (var j = 0; j < 3; j++)
        {
            scaled[j] = double.IsFinite(row[j]) ? (float)((row[j] - mean[j]) / std[j]) : 0f;
        }

        return scaled;
    }

    /// <summary>ML.NET input row (public members: ML.NET reads them by reflection).</summary>
    private sealed class FeatureRow
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}
