using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>
/// The per-generation arrays of composite-mode selection (parents, fitness, shared fitness, elite order), allocated once
/// per run and reused, so a generation's bookkeeping allocates little besides the children themselves.
/// </summary>
internal sealed class SelectionBuffers
{
    private readonly EvolutionOptions _options;
    private readonly List<Individual> _parents = [];
    private readonly List<int> _elites = [];
    private readonly List<int> _speciesBests = [];
    private readonly HashSet<Individual> _seen = [];
    private readonly ByFitness _byFitness = new();
    private double[] _fitness = [];
    private double[] _zeros = [];
    private double[] _shared = [];
    private int[] _order = [];

    public SelectionBuffers(EvolutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The individuals of <paramref name="population"/> (a reused list).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<Individual> Parents(IReadOnlyList<EvaluatedIndividual> population)
    {
        ArgumentNullException.ThrowIfNull(population);
        _parents.Clear();
        for (var i = 0; i < population.Count; i++)
        {
            _parents.Add(population[i].Individual);
        }

        return _parents;
    }

    /// <summary>The fitness of every member (a reused array).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Fitness(IReadOnlyList<EvaluatedIndividual> population)
    {
        ArgumentNullException.ThrowIfNull(population);
        Ensure(ref _fitness, population.Count);
        for (var i = 0; i < population.Count; i++)
        {
            _fitness[i] = population[i].Score.Fitness;
        }

        return _fitness;
    }

    /// <summary>A reused array of <paramref name="n"/> zeros (the secondary key of composite mode).</summary>
    public double[] Zeros(int n)
    {
        Ensure(ref _zeros, n);
        return _zeros;
    }

    /// <summary>Shared fitness (<see cref="Niching.Share"/>) in a reused array.</summary>
    public double[] Shared(IReadOnlyList<Individual> parents, double[] fitness, IReadOnlyList<List<int>> species, IReadOnlyList<SeedTypeGenome> genomes, double radius)
    {
        ArgumentNullException.ThrowIfNull(parents);
        Ensure(ref _shared, parents.Count);
        Niching.Share(parents, fitness, species, genomes, radius, _shared);
        return _shared;
    }

    /// <summary>
    /// Indices of the elites: round(elite ratio x n) distinct individuals (at least one when the ratio is positive), by
    /// fitness descending then index. With <paramref name="species"/> (speciation) the best valid member of each
    /// species comes first (the bests ranked by fitness, so with fewer places than species the population's best still
    /// gets one), so no family loses its best individual while there is room. The list is reused by the next call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<int> Elites(IReadOnlyList<EvaluatedIndividual> population, double[] fitness, IReadOnlyList<List<int>>? species)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(fitness);
        var count = _options.EliteRatio > 0 ? Math.Max(1, (int)Math.Round(_options.EliteRatio * population.Count, MidpointRounding.AwayFromZero)) : 0;
        _elites.Clear();
        _seen.Clear();
        if (count == 0)
        {
            return _elites;
        }

        if (species is not null)
        {
            // Each species' best, ranked by fitness: when there are fewer elite places than species (a small population),
            // the places go to the best families' bests, so the population's best is always kept (elitism holds).
            _speciesBests.Clear();
            foreach (var members in species)
            {
                var best = -1;
                foreach (var i in members)
                {
                    if (double.IsFinite(fitness[i]) && (best < 0 || ByFitness.Compare(fitness, i, best) < 0))
                    {
                        best = i;
                    }
                }

                if (best >= 0)
                {
                    _speciesBests.Add(best);
                }
            }

            _byFitness.Values = fitness;
            _speciesBests.Sort(_byFitness);
            foreach (var best in _speciesBests)
            {
                if (_elites.Count < count && _seen.Add(population[best].Individual))
                {
                    _elites.Add(best);
                }
            }
        }

        Ensure(ref _order, population.Count);
        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        _byFitness.Values = fitness;
        Array.Sort(_order, _byFitness);
        foreach (var i in _order)
        {
            if (_elites.Count == count)
            {
                break;
            }

            if (_seen.Add(population[i].Individual))
            {
                _elites.Add(i);
            }
        }

        return _elites;
    }

    private static void Ensure<T>(ref T[] buffer, int n)
    {
        if (buffer.Length != n)
        {
            buffer = new T[n];
        }
    }

    /// <summary>Orders member indices by fitness descending, then index ascending (a total order: any sort agrees).</summary>
    private sealed class ByFitness : IComparer<int>
    {
        public double[] Values { get; set; } = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static int Compare(double[] values, int x, int y)
        {
            var c = values[y].CompareTo(values[x]);
            return c != 0 ? c : x.CompareTo(y);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Compare(int x, int y) => Compare(Values, x, y);
    }
}
