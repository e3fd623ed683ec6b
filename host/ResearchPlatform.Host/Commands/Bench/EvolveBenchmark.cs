using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// The evolution benchmark: a population over every loaded seed type on one series with k rolling folds, no database.
/// A three-generation warm-up run (another seed) pays JIT first; the timed run's generation 0 is the full generation (every individual
/// evaluated on every train and test window); later generations show the cache at work. GA bookkeeping is a
/// generation's wall time minus the time inside the evaluator (selection, crossover, mutation, cache, statistics).
/// </summary>
internal static class EvolveBenchmark
{
    public const double GenerationTargetSeconds = 0.5;
    public const double BookkeepingTargetShare = 0.05;

    public static async Task<EvolveBenchmarkResult> RunAsync(
        BarSeries bars, string dataName, IReadOnlyList<LoadedSeedType> seeds, int population, int generations, int folds, int threads, Action<string> progress, CancellationToken ct)
    {
        var walkForward = new WalkForwardOptions(folds);
        var (problem, evaluator) = BacktestProblem.Create(bars, seeds.Select(s => (s.Seed, s.VersionTag)).ToList(), walkForward, new BacktestOptions());
        var options = new EvolutionOptions { PopulationSize = population, Generations = generations, Threads = threads, StagnationGenerations = 0 };
        progress($"warm-up: 3 generations of {population} (JIT) ...");
        await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(problem, options with { Generations = 3, Seed = options.Seed + 1 }, null, ct);
        progress($"timed: {generations} generations of {population} ...");
        var lines = new ProgressLines(progress, generations);
        var result = await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(problem, options, lines, ct);
        var gens = result.Generations;
        var full = gens[0];
        var shares = gens.Select(g => g.GenerationSeconds > 0 ? g.BookkeepingSeconds / g.GenerationSeconds : 0).ToList();
        var total = gens.Sum(g => g.GenerationSeconds);
        return new EvolveBenchmarkResult(
            dataName,
            bars.Count,
            seeds.Select(s => s.Seed.Id).ToList(),
            population,
            folds,
            threads,
            gens.Count,
            full.GenerationSeconds,
            full.EvalSeconds,
            full.BookkeepingSeconds,
            gens.Min(g => g.GenerationSeconds),
            gens.Average(g => g.GenerationSeconds),
            shares.Max(),
            shares.Average(),
            total > 0 ? gens.Sum(g => g.BookkeepingSeconds) / total : 0,
            full.StepsPerSecond,
            GenerationTargetSeconds,
            full.GenerationSeconds < GenerationTargetSeconds,
            BookkeepingTargetShare,
            // judged on the aggregate (all bookkeeping / all generation time of the timed generations): a single ~70 ms
            // generation can hold a 4-5 ms GC pause that the allocations of the evaluation triggered; the max is printed too
            total > 0 && gens.Sum(g => g.BookkeepingSeconds) / total < BookkeepingTargetShare,
            gens.Select((g, i) => new EvolveBenchmarkGeneration(
                g.Generation, g.Evaluations, g.CacheHits, g.GenerationSeconds, g.EvalSeconds, g.BookkeepingSeconds, g.StepsPerSecond, lines.Gc[i].PauseSeconds, lines.Gc[i].Collections)).ToList());
    }

    /// <summary>Prints each generation and records the GC pauses and collections since the previous one.</summary>
    private sealed class ProgressLines(Action<string> progress, int generations) : IEvolutionObserver
    {
        private TimeSpan _pause = GC.GetTotalPauseDuration();
        private int _collections = GC.CollectionCount(0);

        public List<(double PauseSeconds, int Collections)> Gc { get; } = [];

        public ValueTask OnGenerationAsync(GenerationSnapshot snapshot, CancellationToken ct)
        {
            var pause = GC.GetTotalPauseDuration();
            var collections = GC.CollectionCount(0);
            Gc.Add(((pause - _pause).TotalSeconds, collections - _collections));
            (_pause, _collections) = (pause, collections);
            progress(GenerationLine.Format(snapshot.Stats, generations));
            return ValueTask.CompletedTask;
        }
    }
}
