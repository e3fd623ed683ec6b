using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Cluster.Tests.TestSupport;

/// <summary>
/// A momentum seed with a dead band: +1 when close[t] / close[t - lookback] - 1 exceeds the band, -1 below minus the
/// band, else 0. Genes "lookback" (integer 1..60) and "band" (real 0..0.03). <see cref="DelayMs"/> makes each
/// generator take that long to build (simulated CPU work so batches are in flight long enough to kill a silo).
/// </summary>
internal sealed class StepSeed(string id = "step-test", int delayMs = 0) : ISeedType
{
    public string Id => id;

    public int DelayMs => delayMs;

    /// <summary>While set, building a generator waits (after the delay) until it is set free: batches stay in flight, whatever the load.</summary>
    public ManualResetEventSlim? Hold { get; set; }

    public string Description => "momentum with a dead band";

    public IReadOnlyList<GeneSpec> Genes { get; } =
    [
        new GeneSpec("lookback", GeneKind.Integer, 1, 60, 5, "bars back"),
        new GeneSpec("band", GeneKind.Real, 0, 0.03, 0.005, "dead band"),
    ];

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => [];

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount)
    {
        if (delayMs > 0)
        {
            Thread.Sleep(delayMs);
        }

        Hold?.Wait(TimeSpan.FromMinutes(2));

        var m = geneMatrix.ToArray();
        return new Generator(bars.Close, [.. Enumerable.Range(0, strategyCount).Select(i => ((int)m[2 * i], m[(2 * i) + 1]))]);
    }

    private sealed class Generator(double[] close, (int Lookback, double Band)[] lanes) : ISignalGenerator
    {
        public int StrategyCount => lanes.Length;

        public void Fill(int start, int count, int firstLane, int laneCount, Span<double> targets)
        {
            for (var r = 0; r < count; r++)
            {
                var t = start + r;
                for (var j = 0; j < laneCount; j++)
                {
                    var (lb, band) = lanes[firstLane + j];
                    var change = t < lb ? 0 : (close[t] / close[t - lb]) - 1;
                    targets[(r * laneCount) + j] = change > band ? 1 : change < -band ? -1 : 0;
                }
            }
        }
    }
}
