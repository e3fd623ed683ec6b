using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Breakout;

/// <summary>
/// <c>breakout</c>: Donchian-channel breakout with an ATR filter and a shorter exit channel (turtle style).
/// Long when the close exceeds the highest high of the previous <c>entry_period</c> bars by <c>atr_mult</c> × ATR;
/// short on the mirror below the lowest low. A long exits when the close falls below the lowest low of the previous
/// <c>exit_period</c> bars (a short mirrors it); an opposite breakout reverses. Targets are ±1.
/// </summary>
public sealed class BreakoutSeed : ISeedType
{
    internal const int EntryGene = 0;
    internal const int ExitGene = 1;
    internal const int AtrGene = 2;
    internal const int MultGene = 3;

    private static readonly GeneSpec[] Specs =
    [
        SeedGenes.Int("entry_period", 10, 200, 20, "entry channel length (bars, current bar excluded)"),
        SeedGenes.Int("exit_period", 5, 100, 10, "exit channel length (bars), shorter than the entry channel"),
        SeedGenes.Int("atr_period", 5, 50, 14, "ATR period (Wilder)"),
        SeedGenes.Real("atr_mult", 0, 2, 0.5, "breakout must clear the channel by this many ATRs"),
    ];

    public string Id => "breakout";

    public string Description => "Donchian-channel breakout with an ATR filter and a shorter exit channel";

    public IReadOnlyList<GeneSpec> Genes => Specs;

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes)
    {
        var errors = new List<string>();
        if (genes[EntryGene] < 2)
        {
            errors.Add($"gene 'entry_period' = {genes[EntryGene]} must be >= 2");
        }

        if (genes[ExitGene] < 1 || genes[ExitGene] >= genes[EntryGene])
        {
            errors.Add($"gene 'exit_period' ({genes[ExitGene]}) must be >= 1 and < 'entry_period' ({genes[EntryGene]})");
        }

        if (genes[AtrGene] < 1)
        {
            errors.Add($"gene 'atr_period' = {genes[AtrGene]} must be >= 1");
        }

        if (genes[MultGene] < 0)
        {
            errors.Add($"gene 'atr_mult' = {genes[MultGene]} must be >= 0");
        }

        return errors;
    }

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        new BreakoutGenerator(bars, geneMatrix, strategyCount);
}
