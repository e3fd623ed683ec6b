using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// A minimal real seed type for kernel tests: long when the close is above the close <c>lookback</c> bars earlier,
/// else short (or flat when <c>side</c> = long_only). Rejects lookback 13 to exercise validation.
/// </summary>
internal sealed class SignSeed : ISeedType
{
    private static readonly GeneSpec[] Specs =
    [
        new("lookback", GeneKind.Integer, 2, 60, 10, "bars back"),
        new("side", GeneKind.Categorical, 0, 1, 0, "long_short or long_only") { Choices = ["long_short", "long_only"] },
    ];

    public string Id => "sign";

    public string Description => "sign of the close change over lookback bars";

    public IReadOnlyList<GeneSpec> Genes => Specs;

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => genes[0] == 13 ? ["lookback 13 is unlucky"] : [];

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        new Generator(bars.Close, geneMatrix.ToArray(), strategyCount);

    private sealed class Generator(double[] close, double[] genes, int count) : ISignalGenerator
    {
        public int StrategyCount => count;

        public void Fill(int start, int count, int firstLane, int laneCount, Span<double> targets)
        {
            for (var t = start; t < start + count; t++)
            {
                for (var lane = firstLane; lane < firstLane + laneCount; lane++)
                {
                    var lookback = (int)genes[lane * 2];
                    var longOnly = genes[(lane * 2) + 1] == 1;
                    var target = t < lookback ? 0 : close[t] > close[t - lookback] ? 1 : longOnly ? 0 : -1;
                    targets[((t - start) * laneCount) + (lane - firstLane)] = target;
                }
            }
        }
    }
}
