using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Validation shared by the single and batch paths: every problem is reported at once.</summary>
internal static class BacktestInputs
{
    /// <summary>The most gene-vector problems listed in one message.</summary>
    private const int MaxListed = 20;

    public static void Validate(BarSeries bars, ISeedType seed, ReadOnlySpan<double> geneMatrix, int strategyCount, BacktestOptions options, IReadOnlyList<BarRange> windows)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(windows);
        var errors = new List<string>(options.Validate());
        if (bars.Count < 2)
        {
            errors.Add($"the series has {bars.Count} bars; a backtest needs at least 2");
        }

        if (options.FundingRates is { } f && f.Count != bars.Count)
        {
            errors.Add($"FundingRates has {f.Count} values, the series has {bars.Count} bars");
        }

        if (windows.Count == 0)
        {
            errors.Add("no window given");
        }

        foreach (var w in windows)
        {
            if (w.Start < 0 || w.End > bars.Count || w.Length < 1)
            {
                errors.Add($"window {w} is empty or outside the series' {bars.Count} bars");
            }
        }

        var g = seed.Genes.Count;
        if (strategyCount < 1 || geneMatrix.Length != strategyCount * g)
        {
            errors.Add($"gene matrix has {geneMatrix.Length} values; {strategyCount} strategies x {g} genes of '{seed.Id}' need {Math.Max(strategyCount, 0) * g}");
        }
        else
        {
            var listed = 0;
            for (var s = 0; s < strategyCount && listed < MaxListed; s++)
            {
                foreach (var e in GeneValidation.Check(seed, geneMatrix.Slice(s * g, g)).Errors)
                {
                    errors.Add(strategyCount == 1 ? e : $"strategy {s}: {e}");
                    listed++;
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new BacktestInputException(string.Join("; ", errors));
        }
    }
}
