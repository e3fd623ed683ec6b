using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>
/// Stage 2 of the demo: the same stored, resumable evolution <c>rp evolve</c> runs (GA over the four seed types,
/// rolling walk-forward, hold-out), reusing a completed run with the same data and settings and resuming an
/// interrupted one, so a rerun is idempotent.
/// </summary>
internal static class DemoEvolution
{
    /// <summary>The four seed types the demo evolves.</summary>
    public const string SeedTypes = "momentum,mean_reversion,breakout,volatility";

    /// <summary>Evolves (or reuses) the demo run over <paramref name="bars"/>; returns its run id.</summary>
    public static async Task<string> RunAsync(
        ResearchDatabase db, BarSeries bars, IReadOnlyList<LoadedSeedType> seeds, DemoSize size, int seed, CliOutput output, CancellationToken ct)
    {
        var options = new EvolutionOptions
        {
            PopulationSize = size.Population,
            Generations = size.Generations,
            Seed = seed,
            Objective = EvolutionObjective.Composite,
            Threads = Environment.ProcessorCount,
            Fitness = new CompositeFitnessOptions(MinTrades: 5),
        };
        var walkForward = new WalkForwardOptions(size.Folds, FoldMode.Rolling, DemoSize.Holdout, 0.25, 0);
        var errors = options.Validate().Concat(walkForward.Validate()).ToList();
        if (errors.Count > 0)
        {
            throw new BadInputException(string.Join("; ", errors));
        }

        var backtest = new BacktestOptions();
        var (problem, evaluator) = EvolveInputs.ValidatedProblem(bars, seeds, options, walkForward, backtest);

        var store = new EvolutionRunStore(db, TimeProvider.System);
        var seedRefs = seeds.Select(s => new SeedTypeRef(s.Seed.Id, s.VersionTag)).ToList();
        var same = store.List()
            .Where(r => r.DatasetKey == problem.DatasetKey && r.Seed == seed && r.Population == size.Population && r.MaxGenerations == size.Generations
                && r.Config.WalkForward.Folds == size.Folds && r.SeedTypes.SequenceEqual(seedRefs))
            .OrderByDescending(r => r.Status == EvolutionRunStatus.Completed).ThenByDescending(r => r.CreatedAt).FirstOrDefault();
        if (same is { Status: EvolutionRunStatus.Completed })
        {
            output.Info($"  reusing completed run {same.RunId} (same data and settings; --fresh starts over)");
            return same.RunId;
        }

        var evolution = new StoredEvolution(db, TimeProvider.System);
        EvolutionRunRecord run;
        Func<IEvolutionObserver, Task<EvolutionResult>> body;
        if (same is not null)
        {
            run = same;
            output.Info($"  resuming run {run.RunId} after generation {run.CompletedGenerations - 1} of {run.MaxGenerations}");
            body = observer => evolution.ResumeAsync(run, problem, evaluator, options.Threads, observer, ct);
        }
        else
        {
            run = store.Create(store.NextRunId(), bars.Symbol, bars.Interval.Code, EvolveInputs.WorkspaceSource, problem.DatasetKey, problem.CostModelKey, bars.Count,
                seedRefs, new EvolutionRunConfig(options, walkForward, backtest));
            output.Info($"  run {run.RunId}: {bars.Symbol} {bars.Interval} ({bars.Count:N0} bars), {string.Join(", ", seeds.Select(s => s.Seed.Id))}, population {options.PopulationSize} x {options.Generations} generations, {size.Folds} walk-forward folds, {DemoSize.Holdout:P0} hold-out");
            body = observer => evolution.RunAsync(run, problem, evaluator, observer, ct);
        }

        try
        {
            await EvolveProgress.RunAsync($"{run.RunId} {run.Symbol} {run.Interval}", run.MaxGenerations, run.CompletedGenerations, body);
        }
        catch (EvolutionConfigurationException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }

        return run.RunId;
    }
}
