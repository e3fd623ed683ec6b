using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Momentum;

/// <summary>
/// <c>momentum</c>: fast/slow moving-average crossover (SMA or EMA) or a rate-of-change variant.
/// <list type="bullet">
/// <item><c>mode = cross</c>: acts only on strict crossover events (fast[t-1] &lt; slow[t-1] and fast[t] &gt; slow[t]
/// → long; the mirror → short); flat before the first event.</item>
/// <item><c>mode = state</c>: holds sign(fast - slow) (flat when equal or warming up).</item>
/// <item><c>ma = roc</c>: the "fast" line is SMA(fast)[t] and the "slow" line is SMA(fast)[t - slow], i.e. the sign of
/// the rate of change of the smoothed close over <c>slow</c> bars (fast = 1: plain close-to-close ROC).</item>
/// </list>
/// Targets are ±1 (all-in). The batch path serves every window from one rolling-mean table row per bar.
/// </summary>
public sealed class MomentumSeed : ISeedType
{
    internal const int ModeGene = 0;
    internal const int MaGene = 1;
    internal const int FastGene = 2;
    internal const int SlowGene = 3;

    private static readonly GeneSpec[] Specs =
    [
        SeedGenes.Choice("mode", ["cross", "state"], 0, "cross: act on strict crossover events; state: hold sign(fast - slow)"),
        SeedGenes.Choice("ma", ["sma", "ema", "roc"], 0, "moving average type, or roc: change of SMA(fast) over slow bars"),
        SeedGenes.Int("fast", 2, 100, 10, "fast window (bars)"),
        SeedGenes.Int("slow", 3, 400, 30, "slow window (bars); for roc the lookback"),
    ];

    public string Id => "momentum";

    public string Description => "Fast/slow moving-average crossover (SMA/EMA, cross or state) or rate of change";

    public IReadOnlyList<GeneSpec> Genes => Specs;

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes)
    {
        var errors = new List<string>();
        var fast = genes[FastGene];
        var slow = genes[SlowGene];
        if (fast < 1)
        {
            errors.Add($"gene 'fast' = {fast} must be >= 1");
        }

        if (slow < 1)
        {
            errors.Add($"gene 'slow' = {slow} must be >= 1");
        }

        if ((int)genes[MaGene] != 2 && fast >= slow)
        {
            errors.Add($"gene 'fast' ({fast}) must be < 'slow' ({slow})");
        }

        return errors;
    }

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        new MomentumGenerator(bars, geneMatrix, strategyCount);
}
