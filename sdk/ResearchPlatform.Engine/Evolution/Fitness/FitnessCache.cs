using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>
/// Evaluations keyed by (seed type, plugin version, genes, dataset, windows, cost model): the individual carries the
/// first three, <see cref="EvaluationPlan.Key"/> the rest. A repeat costs a dictionary lookup. Not thread-safe: the GA
/// uses it from its single bookkeeping thread. Entries of each plan are also kept in first-evaluation order.
/// </summary>
internal sealed class FitnessCache
{
    private readonly Dictionary<string, (Dictionary<Individual, EvaluatedIndividual> Map, List<EvaluatedIndividual> Order)> _byPlan = new(StringComparer.Ordinal);
    private EvaluationPlan? _lastPlan;
    private (Dictionary<Individual, EvaluatedIndividual> Map, List<EvaluatedIndividual> Order) _last;

    /// <summary>Lookups that found an entry.</summary>
    public long Hits { get; private set; }

    /// <summary>Lookups that found nothing.</summary>
    public long Misses { get; private set; }

    /// <summary>Entries over all plans.</summary>
    public int Count => _byPlan.Values.Sum(p => p.Order.Count);

    /// <summary>Looks up an evaluation, counting the hit or miss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(Individual individual, EvaluationPlan plan, out EvaluatedIndividual entry)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (For(plan, create: false).Map?.TryGetValue(individual, out var found) == true)
        {
            Hits++;
            entry = found;
            return true;
        }

        Misses++;
        entry = null!;
        return false;
    }

    /// <summary>Stores an evaluation; a key already present keeps its first entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(EvaluationPlan plan, EvaluatedIndividual entry)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entry);
        var (map, order) = For(plan, create: true);
        if (map!.TryAdd(entry.Individual, entry))
        {
            order!.Add(entry);
        }
    }

    /// <summary>Entries of <paramref name="plan"/> in the order they were added.</summary>
    public IReadOnlyList<EvaluatedIndividual> EntriesFor(EvaluationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return For(plan, create: false).Order ?? (IReadOnlyList<EvaluatedIndividual>)[];
    }

    // The plan key is a long string: resolve it once per plan object, not once per lookup.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (Dictionary<Individual, EvaluatedIndividual>? Map, List<EvaluatedIndividual>? Order) For(EvaluationPlan plan, bool create)
    {
        if (ReferenceEquals(plan, _lastPlan))
        {
            return _last;
        }

        if (!_byPlan.TryGetValue(plan.Key, out var slot))
        {
            if (!create)
            {
                return (null, null);
            }

            slot = ([], []);
            _byPlan.Add(plan.Key, slot);
        }

        _lastPlan = plan;
        _last = slot;
        return slot;
    }
}
