using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// A hand-checkable momentum seed: target +1 when close[t] &gt; close[t - lookback], -1 when below, 0 when equal or in
/// warm-up. Gene "lookback" (integer, 1..50).
/// </summary>
internal sealed class MomentumTestSeed : ISeedType
{
    public string Id => "momentum-test";

    public string Description => "sign of the close change over the lookback";

    public IReadOnlyList<GeneSpec> Genes { get; } = [new GeneSpec("lookback", GeneKind.Integer, 1, 50, 1, "bars back")];

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => [];

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        new Generator(bars.Close, geneMatrix.ToArray().Select(g => (int)g).ToArray());

    private sealed class Generator(double[] close, int[] lookbacks) : ISignalGenerator
    {
        public int StrategyCount => lookbacks.Length;

        public void Fill(int start, int count, int firstLane, int laneCount, Span<double> targets)
        {
            for (var r = 0; r < count; r++)
            {
                var t = start + r;
                for (var j = 0; j < laneCount; j++)
                {
                    var lb = lookbacks[firstLane + j];
                    targets[(r * laneCount) + j] = t < lb ? 0 : Math.Sign(close[t] - close[t - lb]);
                }
            }
        }
    }
}
