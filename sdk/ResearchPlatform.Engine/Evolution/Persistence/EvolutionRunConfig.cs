using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>Everything needed to re-create a run's problem and options on resume (stored as <c>evolution_runs.config</c>).</summary>
/// <param name="Evolution">GA options, including the seed.</param>
/// <param name="WalkForward">Fold layout.</param>
/// <param name="Backtest">Backtest and cost options.</param>
internal sealed record EvolutionRunConfig(EvolutionOptions Evolution, WalkForwardOptions WalkForward, BacktestOptions Backtest);
