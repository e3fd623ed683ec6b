using System.Globalization;
using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Distribution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>
/// Evaluates candidates through the fitness cache: repeats (across generations or within a batch) are answered from it,
/// the rest go to the evaluator in one batch, in first-appearance order, and results are placed back by index.
/// </summary>
internal sealed class PopulationEvaluator
{
    private readonly IFitnessEvaluator _evaluator;
    private readonly FitnessScorer _scorer;
    private readonly TimeProvider _time;
    private readonly Dictionary<Individual, int> _pendingIndex = [];
    private long _sequence;

    public PopulationEvaluator(IFitnessEvaluator evaluator, FitnessScorer scorer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(time);
        _evaluator = evaluator;
        _scorer = scorer;
        _time = time;
    }

    /// <summary>The cache (and archive) of every evaluation in the run.</summary>
    public FitnessCache Cache { get; } = new();

    /// <summary>Reloads earlier evaluations (resume): scores are recomputed, sequence numbers kept.</summary>
    public void Restore(EvaluationPlan plan, IEnumerable<EvaluatedIndividual> archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        foreach (var e in archive.OrderBy(e => e.Sequence))
        {
            var evaluation = FitnessScorer.Normalize(plan, e.Evaluation);
            Cache.Add(plan, e with { Evaluation = evaluation, Score = _scorer.Score(plan, evaluation) });
            _sequence = Math.Max(_sequence, e.Sequence + 1);
        }
    }

    /// <summary>Evaluates <paramref name="candidates"/> for generation <paramref name="generation"/>.</summary>
    public async ValueTask<BatchOutcome> EvaluateAsync(IReadOnlyList<Individual> candidates, EvaluationPlan plan, int generation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(plan);
        var members = new EvaluatedIndividual?[candidates.Count];
        var pending = new List<Individual>();
        var hits = Lookup(candidates, plan, members, pending);
        var started = _time.GetTimestamp();
        var results = pending.Count == 0 ? [] : await _evaluator.EvaluateAsync(pending, plan, ct);
        var seconds = _time.GetElapsedTime(started).TotalSeconds;
        var distribution = (_evaluator as IDistributedEvaluator)?.TakeDistribution();
        if (results.Count != pending.Count)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"the fitness evaluator returned {results.Count} results for {pending.Count} individuals"));
        }

        var (fresh, failures, timeouts) = Absorb(candidates, plan, generation, members, pending, results);
        return new BatchOutcome(members!, fresh, pending.Count, hits, failures, timeouts, seconds, distribution);
    }

    // Bookkeeping runs every generation: compiled fully optimised from the first call, so no tier-0 code or mid-run
    // re-JIT lands in a generation's timing (see docs/evolution.md, "GA bookkeeping").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Lookup(IReadOnlyList<Individual> candidates, EvaluationPlan plan, EvaluatedIndividual?[] members, List<Individual> pending)
    {
        _pendingIndex.Clear();
        var hits = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (Cache.TryGet(candidates[i], plan, out var cached))
            {
                members[i] = cached;
                hits++;
            }
            else if (_pendingIndex.ContainsKey(candidates[i]))
            {
                hits++;
            }
            else
            {
                _pendingIndex.Add(candidates[i], pending.Count);
                pending.Add(candidates[i]);
            }
        }

        return hits;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (List<EvaluatedIndividual> Fresh, int Failures, int Timeouts) Absorb(
        IReadOnlyList<Individual> candidates, EvaluationPlan plan, int generation, EvaluatedIndividual?[] members, List<Individual> pending, IReadOnlyList<IndividualEvaluation> results)
    {
        var fresh = new List<EvaluatedIndividual>(pending.Count);
        int failures = 0, timeouts = 0;
        for (var k = 0; k < pending.Count; k++)
        {
            var evaluation = FitnessScorer.Normalize(plan, results[k] ?? IndividualEvaluation.Failed("evaluator returned no result"));
            failures += evaluation.Status == EvaluationStatus.Failed ? 1 : 0;
            timeouts += evaluation.Status == EvaluationStatus.TimedOut ? 1 : 0;
            var entry = new EvaluatedIndividual(pending[k], evaluation, _scorer.Score(plan, evaluation), generation, _sequence++);
            Cache.Add(plan, entry);
            fresh.Add(entry);
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            members[i] ??= fresh[_pendingIndex[candidates[i]]];
        }

        return (fresh, failures, timeouts);
    }
}
