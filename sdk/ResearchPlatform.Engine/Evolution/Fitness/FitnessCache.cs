using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>
/// Evaluations keyed by (seed type, plugin version, genes, dataset, windows, cost model): the individual carries the
/// first three, <see cref="EvaluationPlan.Key"/> the rest. A repeat costs a dictionary lookup. Not thread-safe: the GA
/// uses it from its single bookkeeping thread. Entries of each plan are also kept in first-evaluation order.
/// </summary>
internal sealed class FitnessCache
{
    private readonly Dictionary<(Individual Individual, string PlanKey), EvaluatedIndividual> _entries = [];
    private readonly Dictionary<string, List<EvaluatedIndividual>> _byPlan = new(StringComparer.Ordinal);

    /// <summary>Lookups that found an entry.</summary>
    public long Hits { get; private set; }

    /// <summary>Lookups that found nothing.</summary>
    public long Misses { get; private set; }

    /// <summary>Entries over all plans.</summary>
    public int Count => _entries.Count;

    /// <summary>Looks up an evaluation, counting the hit or miss.</summary>
    public bool TryGet(Individual individual, EvaluationPlan plan, out EvaluatedIndividual entry)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (_entries.TryGetValue((individual, plan.Key), out var found))
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
    public void Add(EvaluationPlan plan, EvaluatedIndividual entry)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entry);
        if (!_entries.TryAdd((entry.Individual, plan.Key), entry))
        {
            return;
        }

        if (!_byPlan.TryGetValue(plan.Key, out var list))
        {
            list = [];
            _byPlan.Add(plan.Key, list);
        }

        list.Add(entry);
    }

    /// <summary>Entries of <paramref name="plan"/> in the order they were added.</summary>
    public IReadOnlyList<EvaluatedIndividual> EntriesFor(EvaluationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _byPlan.TryGetValue(plan.Key, out var list) ? list : [];
    }
}
