using System.Globalization;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.RiskEvolution;

/// <summary>
/// Builds the evolution problem of a risk-genome GA: one "seed type" (the risk genome definition, through
/// <see cref="RiskGenomeSeedAdapter"/>), the walk-forward plan of the bars, and keys that name the strategies as well as
/// the costs (so the fitness cache never mixes two strategy sets). The GA itself is <see cref="EvolutionEngine"/>.
/// </summary>
internal static class RiskEvolutionProblem
{
    /// <summary>The problem and the evaluator that backtests the strategies under each genome.</summary>
    public static (EvolutionProblem Problem, RiskGenomeEvaluator Evaluator) Create(
        BarSeries bars, IRiskGenomeDefinition definition, string definitionVersion, IReadOnlyList<RiskStrategy> strategies,
        WalkForwardOptions walkForward, BacktestOptions backtest, CancellationToken ct = default) =>
        Create(bars, definition, definitionVersion, strategies, walkForward, backtest, null, null, ct);

    /// <summary>
    /// As above, with the market state at each bar's close for the volatility and sentiment breakers;
    /// <paramref name="marketKey"/> names its sources in the cost-model key (a resumed run must see the same market).
    /// </summary>
    public static (EvolutionProblem Problem, RiskGenomeEvaluator Evaluator) Create(
        BarSeries bars, IRiskGenomeDefinition definition, string definitionVersion, IReadOnlyList<RiskStrategy> strategies,
        WalkForwardOptions walkForward, BacktestOptions backtest, IReadOnlyList<MarketState>? market, string? marketKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(walkForward);
        ArgumentNullException.ThrowIfNull(backtest);
        var evaluator = new RiskGenomeEvaluator(bars, definition, strategies, backtest, market, ct);
        var plan = WalkForwardPlanner.Plan(bars.Count, walkForward);
        var problem = new EvolutionProblem(
            [SeedTypeGenome.From(evaluator.Genome, definitionVersion)],
            plan,
            DatasetKeys.Of(bars),
            BacktestFitnessEvaluator.CostModelKey(backtest) + " strategies=" + StrategiesKey(strategies) + (market is null ? string.Empty : " market=" + (marketKey ?? "given")),
            Annualization.BarsPerYear(bars));
        return (problem, evaluator);
    }

    /// <summary>A text key of the strategies (seed type and exact genes of each, in order).</summary>
    public static string StrategiesKey(IReadOnlyList<RiskStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        return string.Join(
            ',',
            strategies.Select(s => s.Seed.Id + "(" + string.Join(';', s.Genes.Select(g => g.ToString("R", CultureInfo.InvariantCulture))) + ")"));
    }
}
