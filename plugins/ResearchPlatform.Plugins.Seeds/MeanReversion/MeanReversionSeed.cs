using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.MeanReversion;

/// <summary>
/// <c>mean_reversion</c>: enters against a stretched move and exits at the mean or on a stop.
/// <list type="bullet">
/// <item><c>signal = bollinger</c>: deviation z = (close - SMA(n)) / population std(n); long when z &lt; -entry,
/// short when z &gt; entry (a close outside the entry × σ band).</item>
/// <item><c>signal = zscore</c>: the same with the sample standard deviation (n - 1).</item>
/// <item><c>signal = rsi</c>: Wilder RSI(n); long when RSI &lt; 50 - 10 × entry, short when RSI &gt; 50 + 10 × entry
/// (entry 2 → 30/70).</item>
/// </list>
/// A long exits when the deviation comes back to -exit (0: the mean; RSI: 50 - 10 × exit), a short mirrors it; both
/// exit when the close moves <c>stop_pct</c> % against the close that triggered the entry (0 = no stop). After a stop
/// the side re-arms only once the deviation is back inside the entry band. Targets are ±1.
/// </summary>
public sealed class MeanReversionSeed : ISeedType
{
    internal const int SignalGene = 0;
    internal const int PeriodGene = 1;
    internal const int EntryGene = 2;
    internal const int ExitGene = 3;
    internal const int StopGene = 4;

    private static readonly GeneSpec[] Specs =
    [
        SeedGenes.Choice("signal", ["bollinger", "rsi", "zscore"], 0, "deviation measure: Bollinger (population σ), RSI, z-score (sample σ)"),
        SeedGenes.Int("period", 5, 200, 20, "lookback of the mean / RSI (bars)"),
        SeedGenes.Real("entry", 0.5, 4, 2, "entry distance: σ multiples, or RSI 50 ± 10 × entry"),
        SeedGenes.Real("exit", 0, 1, 0, "exit distance from the mean in the same unit (0 = at the mean)"),
        SeedGenes.Real("stop_pct", 0, 20, 5, "stop in % of the entry close (0 = none)"),
    ];

    public string Id => "mean_reversion";

    public string Description => "Bollinger / RSI / z-score entries against the mean, exit at the mean or on a stop";

    public IReadOnlyList<GeneSpec> Genes => Specs;

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes)
    {
        var errors = new List<string>();
        if (genes[PeriodGene] < 2)
        {
            errors.Add($"gene 'period' = {genes[PeriodGene]} must be >= 2");
        }

        if (genes[EntryGene] <= 0 || (genes[SignalGene] == 1 && genes[EntryGene] >= 5))
        {
            errors.Add($"gene 'entry' = {genes[EntryGene]} must be > 0 (and < 5 for rsi)");
        }

        if (genes[ExitGene] < 0 || genes[ExitGene] >= genes[EntryGene])
        {
            errors.Add($"gene 'exit' = {genes[ExitGene]} must be >= 0 and < entry ({genes[EntryGene]})");
        }

        if (genes[StopGene] is < 0 or >= 100)
        {
            errors.Add($"gene 'stop_pct' = {genes[StopGene]} must be in [0, 100)");
        }

        return errors;
    }

    public ISignalGenerator CreateGenerator(BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
        new MeanReversionGenerator(bars, geneMatrix, strategyCount);
}
