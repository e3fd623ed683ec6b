using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Volatility;

/// <summary>
/// <c>volatility</c>: trades the trend only in a calm volatility regime, with a volatility-targeted size.
/// The regime is calm when short-window volatility &lt; <c>ratio</c> × long-window volatility (realized volatility
/// of log returns, or Wilder ATR). In a calm regime the direction is sign(close - SMA(trend_period)) and the size is
/// min(1, target_vol / annualized realized volatility over the long window), rounded to 0.01 and held for the whole
/// trade; otherwise flat. Annualization: 365 days / bar interval.
/// </summary>
public sealed class VolatilitySeed : ISeedType
{
    internal const int MeasureGene = 0;
    internal const int ShortGene = 1;
    internal const int LongGene = 2;
    internal const int RatioGene = 3;
    internal const int TrendGene = 4;
    internal const int TargetGene = 5;

    private static readonly GeneSpec[] Specs =
    [
        SeedGenes.Choice("measure", ["realized", "atr"], 0, "volatility measure of the regime: realized (log returns) or ATR"),
        SeedGenes.Int("short_period", 5, 100, 24, "short volatility window (bars)"),
        SeedGenes.Int("long_period", 20, 1000, 168, "long volatility window (bars)"),
        SeedGenes.Real("ratio", 0.5, 1.5, 1, "calm regime when short vol < ratio x long vol"),
        SeedGenes.Int("trend_period", 10, 400, 50, "SMA giving the direction (bars)"),
        SeedGenes.Real("target_vol", 10, 200, 50, "annualized volatility target in % (size = target / realized, capped at 1)"),
    ];

    public string Id => "volatility";

    public string Description => "Volatility-regime trend strategy with volatility-targeted position size";

    public IReadOnlyList<GeneSpec> Genes => Specs;

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes)
    {
        var errors = new List<string>();
        if (genes[ShortGene] < 2 || genes[ShortGene] >= genes[LongGene])
        {
            errors.Add($"gene 'short_period' ({genes[ShortGene]}) must be >= 2 and < 'long_period' ({genes[LongGene]})");
        }

        if (genes[RatioGene] <= 0)
        {
            errors.Add($"gene 'ratio' = {genes[RatioGene]} must be > 0");
        }

        if (genes[TrendGene] < 2)
        {
            errors.Add($"gene 'trend_period' = {genes[TrendGene]} must be >= 2");
        }

        if (genes[TargetGene] <= 0)
        {
            errors.Add($"gene 'target_vol' = {genes[TargetGene]} must be > 0");
        }

        return errors;
    }

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        new VolatilityGenerator(bars, geneMatrix, strategyCount);
}
