using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.MultiObjective;
using ResearchPlatform.Engine.Evolution.Statistics;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>
/// Ends a run: the hall of fame (top distinct individuals of the whole run by fitness, ties by first evaluation, at
/// least <see cref="EvolutionOptions.HallOfFameMinDistance"/> apart within a seed type, spread over the seed types of
/// the final population by <see cref="EvolutionOptions.HallOfFamePerType"/>), the
/// Pareto front (NSGA-II mode), the hold-out evaluation of both (the only time hold-out bars are evaluated, after
/// selection is over), and the deflated Sharpe ratio of the best individual.
/// </summary>
internal static class RunSummarizer
{
    /// <summary>Builds the result of a finished run.</summary>
    public static async Task<EvolutionResult> SummarizeAsync(
        EvolutionRun run, EvolutionProblem problem, EvolutionOptions options, List<EvaluatedIndividual> population, TerminationReason reason, CancellationToken ct)
    {
        var archive = run.Evaluator.Cache.EntriesFor(run.Plan);
        var valid = archive.Where(e => e.Score.IsValid).ToList();
        var hof = HallOfFame(valid, problem, options, population.Select(p => p.Individual.SeedTypeId).ToHashSet(StringComparer.Ordinal));
        var front = options.Objective == EvolutionObjective.Pareto ? ParetoFront(population) : [];
        var holdoutPlan = problem.HoldoutPlan(options.Threads);
        var holdout = new Dictionary<Individual, IndividualEvaluation>();
        if (holdoutPlan.Windows.Count > 0)
        {
            var targets = hof.Concat(front).Select(e => e.Individual).Distinct().ToList();
            var batch = await run.Evaluator.EvaluateAsync(targets, holdoutPlan, run.History.Count - 1, ct);
            for (var i = 0; i < targets.Count; i++)
            {
                holdout[targets[i]] = batch.Members[i].Evaluation;
            }
        }

        HallOfFameEntry Entry(EvaluatedIndividual e, int rank)
        {
            var h = holdout.GetValueOrDefault(e.Individual) ?? IndividualEvaluation.Failed("no hold-out window");
            var summary = h.Status == EvaluationStatus.Ok ? MetricSummary.From(h.Windows, problem.PeriodsPerYear) : MetricSummary.Empty;
            return new HallOfFameEntry(rank, e, summary, h);
        }

        return new EvolutionResult(
            options.Seed,
            reason,
            run.History.ToList(),
            population,
            hof.Select((e, i) => Entry(e, i + 1)).ToList(),
            front.Select((e, i) => Entry(e, i + 1)).ToList(),
            hof.Count > 0 ? Deflate(hof[0], valid, problem) : null,
            archive.Count,
            run.Plan,
            holdoutPlan);
    }

    /// <summary>DSR of <paramref name="best"/>'s in-sample Sharpe given every valid trial of the run.</summary>
    public static DeflatedSharpeResult Deflate(EvaluatedIndividual best, IReadOnlyList<EvaluatedIndividual> trials, EvolutionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(best);
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(problem);
        var scale = Math.Sqrt(problem.PeriodsPerYear);
        var sharpes = trials.Select(t => t.Score.Train.Sharpe / scale).ToArray();
        var mean = sharpes.Length > 0 ? sharpes.Average() : 0;
        var variance = sharpes.Length > 1 ? sharpes.Sum(s => (s - mean) * (s - mean)) / (sharpes.Length - 1) : 0;
        var train = best.Score.Train;
        return DeflatedSharpeRatio.Compute(
            train.Sharpe / scale, problem.TrainBarCount(), train.Skewness, train.Kurtosis, sharpes.Length, variance, problem.PeriodsPerYear);
    }

    /// <summary>
    /// The hall of fame: within each seed type, candidates in fitness order (ties by first evaluation) are admitted when
    /// they are at least <see cref="EvolutionOptions.HallOfFameMinDistance"/> from every better admitted member of their
    /// seed type. The best <see cref="EvolutionOptions.HallOfFamePerType"/> admitted members of each seed type in
    /// <paramref name="surviving"/> (null = every seed type) are reserved first (round by round, best seed type first,
    /// when they do not all fit); the other places go to the best remaining admitted members. Ordered by fitness.
    /// </summary>
    public static List<EvaluatedIndividual> HallOfFame(
        IReadOnlyList<EvaluatedIndividual> valid, EvolutionProblem problem, EvolutionOptions options, IReadOnlyCollection<string>? surviving = null)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var size = options.HallOfFameSize;
        var admitted = problem.SeedTypes.ToDictionary(g => g.SeedTypeId, _ => new List<EvaluatedIndividual>(), StringComparer.Ordinal);
        var genomes = problem.SeedTypes.ToDictionary(g => g.SeedTypeId, StringComparer.Ordinal);
        var ordered = valid.OrderByDescending(e => e.Score.Fitness).ThenBy(e => e.Sequence).ToList();
        var isAdmitted = new HashSet<EvaluatedIndividual>(ReferenceEqualityComparer.Instance);
        foreach (var e in ordered)
        {
            var mine = admitted[e.Individual.SeedTypeId];
            var genome = genomes[e.Individual.SeedTypeId];
            if (mine.Count < size && mine.TrueForAll(c => !c.Individual.Equals(e.Individual) && Diversity.Distance(c.Individual, e.Individual, genome) >= options.HallOfFameMinDistance))
            {
                mine.Add(e);
                isAdmitted.Add(e);
            }
        }

        var chosen = new HashSet<EvaluatedIndividual>(ReferenceEqualityComparer.Instance);
        var reserved = admitted
            .Where(kv => kv.Value.Count > 0 && (surviving is null || surviving.Contains(kv.Key)))
            .Select(kv => kv.Value)
            .OrderByDescending(list => list[0].Score.Fitness).ThenBy(list => list[0].Sequence)
            .ToList();
        for (var round = 0; round < options.HallOfFamePerType && chosen.Count < size; round++)
        {
            foreach (var list in reserved.Where(l => l.Count > round))
            {
                if (chosen.Count < size)
                {
                    chosen.Add(list[round]);
                }
            }
        }

        foreach (var e in ordered)
        {
            if (chosen.Count == size)
            {
                break;
            }

            if (isAdmitted.Contains(e))
            {
                chosen.Add(e);
            }
        }

        return ordered.Where(chosen.Contains).ToList();
    }

    private static List<EvaluatedIndividual> ParetoFront(List<EvaluatedIndividual> population)
    {
        var distinct = population.Where(p => p.Score.IsValid).DistinctBy(p => p.Individual).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        var ranking = ParetoRanking.Of(EvolutionRun.Points(distinct));
        return ranking.Fronts[0].Select(i => distinct[i])
            .OrderByDescending(e => e.Score.Objective1).ThenBy(e => e.Sequence).ToList();
    }
}
