using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.MultiObjective;
using ResearchPlatform.Engine.Evolution.Operators;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>
/// The state of one run between generations and the step from one generation to the next. Single-threaded: only the
/// evaluator runs in parallel, and its results are placed by index, so the run is deterministic for a given seed.
/// </summary>
internal sealed class EvolutionRun
{
    private readonly EvolutionProblem _problem;
    private readonly EvolutionOptions _options;
    private readonly TimeProvider _time;
    private readonly Breeder _breeder;
    private readonly SelectionBuffers _selection;
    private readonly double[] _weights;
    private readonly long _startedAt;

    public EvolutionRun(EvolutionProblem problem, EvolutionOptions options, IFitnessEvaluator evaluator, TimeProvider time)
    {
        _problem = problem;
        _options = options;
        _time = time;
        _startedAt = time.GetTimestamp();
        _weights = problem.SeedTypes
            .Select(g => options.SeedTypeWeights is null ? 1.0 : options.SeedTypeWeights.GetValueOrDefault(g.SeedTypeId))
            .ToArray();
        _breeder = new Breeder(problem.SeedTypes, _weights, options);
        _selection = new SelectionBuffers(options);
        Scorer = new FitnessScorer(options.Fitness, options.Objective1, options.Objective2, problem.PeriodsPerYear);
        Plan = problem.GenerationPlan(options.Threads, options.EvaluateTestWindows);
        Evaluator = new PopulationEvaluator(evaluator, Scorer, time);
    }

    /// <summary>The plan every generation is evaluated under.</summary>
    public EvaluationPlan Plan { get; }

    /// <summary>Scores evaluations.</summary>
    public FitnessScorer Scorer { get; }

    /// <summary>Evaluates through the cache.</summary>
    public PopulationEvaluator Evaluator { get; }

    /// <summary>Statistics of the completed generations.</summary>
    public List<GenerationStats> History { get; } = [];

    /// <summary>Creates and evaluates generation 0.</summary>
    public async Task<List<EvaluatedIndividual>> InitialGenerationAsync(IEvolutionObserver? observer, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        var rng = RunRandom.ForGeneration(_options.Seed, 0);
        var counts = PopulationInitializer.Allocate(_options.PopulationSize, _weights);
        var individuals = PopulationInitializer.Create(_problem.SeedTypes, counts, _options.MaxRepairAttempts, rng);
        var batch = await Evaluator.EvaluateAsync(individuals, Plan, 0, ct);
        var population = batch.Members.ToList();
        await CompleteAsync(0, population, batch, 0, started, observer, ct);
        return population;
    }

    /// <summary>Restores the state of a checkpoint and returns its population.</summary>
    public List<EvaluatedIndividual> Restore(EvolutionCheckpoint checkpoint)
    {
        Evaluator.Restore(Plan, checkpoint.Archive);
        History.AddRange(checkpoint.History);
        var population = new List<EvaluatedIndividual>(checkpoint.Population.Count);
        foreach (var ind in checkpoint.Population)
        {
            if (!Evaluator.Cache.TryGet(ind, Plan, out var entry))
            {
                throw new ArgumentException($"checkpoint member {ind.Key} has no stored evaluation", nameof(checkpoint));
            }

            population.Add(entry);
        }

        return population;
    }

    /// <summary>Breeds, evaluates and selects the next generation.</summary>
    public async Task<List<EvaluatedIndividual>> NextGenerationAsync(List<EvaluatedIndividual> population, IEvolutionObserver? observer, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        var generation = History.Count;
        var rng = RunRandom.ForGeneration(_options.Seed, generation);
        var n = _options.PopulationSize;
        var parents = _selection.Parents(population);
        var pareto = _options.Objective == EvolutionObjective.Pareto;
        var (primary, secondary) = pareto ? ParetoOrder(population) : (_selection.Fitness(population), _selection.Zeros(n));
        var immigrants = Collapsed(History[^1]) ? (int)Math.Round(_options.ImmigrantRatio * n, MidpointRounding.AwayFromZero) : 0;
        List<EvaluatedIndividual> next;
        BatchOutcome batch;
        if (pareto)
        {
            var children = _breeder.Breed(parents, primary, secondary, n, immigrants, rng);
            batch = await Evaluator.EvaluateAsync(children, Plan, generation, ct);
            next = SurviveNsga(population, batch.Members, n);
        }
        else
        {
            _breeder.Group(parents);
            var elites = _selection.Elites(population, primary, _options.Niching == NichingMode.Species ? _breeder.Species : null);
            immigrants = Math.Min(immigrants, n - elites.Count);
            var selectBy = _options.Niching == NichingMode.Sharing
                ? _selection.Shared(parents, primary, _breeder.Species, _problem.SeedTypes, _options.SharingRadius)
                : primary;
            var children = _breeder.Breed(parents, selectBy, secondary, n - elites.Count, immigrants, rng);
            batch = await Evaluator.EvaluateAsync(children, Plan, generation, ct);
            next = new List<EvaluatedIndividual>(n);
            foreach (var i in elites)
            {
                next.Add(population[i]);
            }

            next.AddRange(batch.Members);
        }

        await CompleteAsync(generation, next, batch, immigrants, started, observer, ct);
        return next;
    }

    /// <summary>Why the run should stop now, or null to continue.</summary>
    public TerminationReason? CheckTermination()
    {
        if (History.Count >= _options.Generations)
        {
            return TerminationReason.Generations;
        }

        var s = _options.StagnationGenerations;
        if (s > 0 && History.Count > s && !Improved(History[^(s + 1)], History[^1]))
        {
            return TerminationReason.Stagnation;
        }

        if (_options.TimeBudget is { } budget && _time.GetElapsedTime(_startedAt) >= budget)
        {
            return TerminationReason.TimeBudget;
        }

        return null;
    }

    /// <summary>NSGA-II points of members (training-window objectives and trade-count violation).</summary>
    public static List<ObjectivePoint> Points(IReadOnlyList<EvaluatedIndividual> members) =>
        members.Select(m => new ObjectivePoint(m.Score.Objective1, m.Score.Objective2, m.Score.Violation)).ToList();

    private async Task CompleteAsync(
        int generation, List<EvaluatedIndividual> population, BatchOutcome batch, int immigrants, long started, IEvolutionObserver? observer, CancellationToken ct)
    {
        var frontSize = _options.Objective == EvolutionObjective.Pareto ? ParetoRanking.Of(Points(population)).Fronts[0].Count : 0;
        var stats = GenerationStatsBuilder.Build(
            generation, population, batch, _problem.SeedTypes, frontSize, immigrants, Plan.BarsPerIndividual, 0);
        stats = stats with { GenerationSeconds = _time.GetElapsedTime(started).TotalSeconds };
        History.Add(stats);
        if (observer is not null)
        {
            await observer.OnGenerationAsync(new GenerationSnapshot(stats, population, batch.NewlyEvaluated, Plan), ct);
        }
    }

    private bool Collapsed(GenerationStats last) =>
        last.Diversity.MeanGeneDistance < _options.DiversityFloor
        || last.Diversity.UniqueIndividuals < _options.UniqueFloor * _options.PopulationSize;

    private bool Improved(GenerationStats before, GenerationStats after)
    {
        var tol = _options.StagnationTolerance;
        if (_options.Objective == EvolutionObjective.Pareto)
        {
            return after.BestObjective1 > before.BestObjective1 + tol || after.BestObjective2 > before.BestObjective2 + tol;
        }

        return after.BestFitness > before.BestFitness + tol;
    }

    private static (double[] Primary, double[] Secondary) ParetoOrder(List<EvaluatedIndividual> population)
    {
        var ranking = ParetoRanking.Of(Points(population));
        return (ranking.Rank.Select(r => -(double)r).ToArray(), ranking.Crowding);
    }

    private static List<EvaluatedIndividual> SurviveNsga(List<EvaluatedIndividual> parents, IReadOnlyList<EvaluatedIndividual> children, int n)
    {
        // Duplicates would crowd the front with copies: rank distinct individuals, refill with duplicates only if short.
        var combined = new List<EvaluatedIndividual>(parents.Count + children.Count);
        var duplicates = new List<EvaluatedIndividual>();
        var seen = new HashSet<Individual>();
        foreach (var m in parents.Concat(children))
        {
            (seen.Add(m.Individual) ? combined : duplicates).Add(m);
        }

        var chosen = ParetoRanking.Of(Points(combined)).SelectBest(n).Select(i => combined[i]).ToList();
        chosen.AddRange(duplicates.Take(n - chosen.Count));
        return chosen;
    }
}
