using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Evolution.Evaluation;

/// <summary>Builds the evolution problem and the kernel evaluator for one series, seed types and cost model.</summary>
internal static class BacktestProblem
{
    /// <summary>
    /// The problem (walk-forward plan over <paramref name="bars"/>, dataset and cost keys, bars per year as the kernel
    /// annualises) and the evaluator that backtests on those bars.
    /// </summary>
    public static (EvolutionProblem Problem, BacktestFitnessEvaluator Evaluator) Create(
        BarSeries bars, IReadOnlyList<(ISeedType Seed, string PluginVersion)> seeds, WalkForwardOptions walkForward, BacktestOptions backtest)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(walkForward);
        ArgumentNullException.ThrowIfNull(backtest);
        var plan = WalkForwardPlanner.Plan(bars.Count, walkForward);
        var problem = new EvolutionProblem(
            seeds.Select(s => SeedTypeGenome.From(s.Seed, s.PluginVersion)).ToList(),
            plan,
            DatasetKeys.Of(bars),
            BacktestFitnessEvaluator.CostModelKey(backtest),
            Annualization.BarsPerYear(bars));
        return (problem, new BacktestFitnessEvaluator(bars, seeds.Select(s => s.Seed), backtest));
    }
}
