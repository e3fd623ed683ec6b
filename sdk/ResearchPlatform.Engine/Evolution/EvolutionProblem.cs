using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>What is evolved on what: the seed types, the walk-forward layout of the data and the keys of data and costs.</summary>
/// <param name="SeedTypes">Seed types the population spreads over (order fixes the initial layout).</param>
/// <param name="WalkForward">Folds and hold-out of the series.</param>
/// <param name="DatasetKey">Identifies the bars (symbol, interval, content hash).</param>
/// <param name="CostModelKey">Identifies the fee/slippage model.</param>
/// <param name="PeriodsPerYear">Bars per year, to annualise returns and de-annualise Sharpe ratios (8760 for 1h crypto).</param>
internal sealed record EvolutionProblem(
    IReadOnlyList<SeedTypeGenome> SeedTypes,
    WalkForwardPlan WalkForward,
    string DatasetKey,
    string CostModelKey,
    double PeriodsPerYear)
{
    /// <summary>The plan of a generation's new individuals: training windows, then (optionally) test windows.</summary>
    public EvaluationPlan GenerationPlan(int threads, bool includeTests)
    {
        var windows = new List<EvaluationWindow>();
        foreach (var f in WalkForward.Folds)
        {
            windows.Add(new EvaluationWindow(f.Index, WindowRole.Train, f.Train));
        }

        if (includeTests)
        {
            foreach (var f in WalkForward.Folds)
            {
                windows.Add(new EvaluationWindow(f.Index, WindowRole.Test, f.Test, f.TestIsStrictlyOutOfSample));
            }
        }

        return new EvaluationPlan(DatasetKey, CostModelKey, windows, EvaluationPurpose.Generation, threads);
    }

    /// <summary>The plan of the hall of fame's final check: the hold-out window only.</summary>
    public EvaluationPlan HoldoutPlan(int threads) => new(
        DatasetKey,
        CostModelKey,
        WalkForward.Holdout.Length > 0 ? [new EvaluationWindow(-1, WindowRole.Holdout, WalkForward.Holdout, true)] : [],
        EvaluationPurpose.Holdout,
        threads);

    /// <summary>Distinct bars covered by the training windows (the observation count behind an in-sample Sharpe).</summary>
    public long TrainBarCount()
    {
        var windows = WalkForward.TrainWindows.OrderBy(w => w.Start).ToList();
        long total = 0;
        var coveredTo = int.MinValue;
        foreach (var w in windows)
        {
            var start = Math.Max(w.Start, coveredTo);
            if (w.End > start)
            {
                total += w.End - start;
            }

            coveredTo = Math.Max(coveredTo, w.End);
        }

        return total;
    }
}
