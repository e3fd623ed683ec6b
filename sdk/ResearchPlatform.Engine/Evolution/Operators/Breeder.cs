using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>
/// Produces offspring: tournament selection of the first parent, of the second parent among members of the same seed
/// type; crossover with the crossover rate; mutation; bounds repair; seed-type validation (redrawn mutations of the
/// parent when the child is invalid, else the parent itself). With <see cref="NichingMode.Species"/> (composite mode)
/// each seed type still present first breeds its quota of children from parents drawn within the species, then the rest
/// come from tournaments over the whole population. Random immigrants, when requested, are appended last, spread over
/// the seed types by weight. Index lists and gene scratch vectors are reused from one generation to the next.
/// </summary>
internal sealed class Breeder
{
    private readonly IReadOnlyList<SeedTypeGenome> _genomes;
    private readonly Dictionary<string, int> _index;
    private readonly IReadOnlyList<double> _weights;
    private readonly EvolutionOptions _options;
    private readonly List<int>[] _species;
    private readonly double[] _a;
    private readonly double[] _b;
    private int[] _all = [];

    public Breeder(IReadOnlyList<SeedTypeGenome> genomes, IReadOnlyList<double> weights, EvolutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(genomes);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(options);
        _genomes = genomes;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < genomes.Count; i++)
        {
            _index[genomes[i].SeedTypeId] = i;
        }

        _weights = weights;
        _options = options;
        _species = genomes.Select(_ => new List<int>()).ToArray();
        var maxGenes = genomes.Count == 0 ? 0 : genomes.Max(g => g.Genes.Count);
        _a = new double[maxGenes];
        _b = new double[maxGenes];
    }

    /// <summary>Whether breeding reserves offspring quotas per seed type.</summary>
    private bool SpeciesQuotas => _options.Niching == NichingMode.Species && _options.Objective == EvolutionObjective.Composite && _options.NicheQuota > 0;

    /// <summary>Member indices of each seed type (genome order) as of the last <see cref="Group"/>.</summary>
    public IReadOnlyList<List<int>> Species => _species;

    /// <summary>Groups <paramref name="parents"/> by seed type into <see cref="Species"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Group(IReadOnlyList<Individual> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        foreach (var s in _species)
        {
            s.Clear();
        }

        for (var i = 0; i < parents.Count; i++)
        {
            _species[_index[parents[i].SeedTypeId]].Add(i);
        }
    }

    /// <summary>
    /// <paramref name="count"/> new individuals from <paramref name="parents"/> ranked by (primary, secondary), of which
    /// the last <paramref name="immigrants"/> are random.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<Individual> Breed(IReadOnlyList<Individual> parents, double[] primary, double[] secondary, int count, int immigrants, Random rng)
    {
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(rng);
        if (_all.Length != parents.Count)
        {
            _all = new int[parents.Count];
            for (var i = 0; i < _all.Length; i++)
            {
                _all[i] = i;
            }
        }

        Group(parents);
        var children = new List<Individual>(count);
        var bred = count - immigrants;
        if (SpeciesQuotas)
        {
            var quotas = Niching.Quotas(_species, bred, _options.NicheQuota);
            for (var s = 0; s < _species.Length; s++)
            {
                Produce(parents, _species[s], primary, secondary, children, Math.Min(bred, children.Count + quotas[s]), rng);
            }
        }

        Produce(parents, _all, primary, secondary, children, bred, rng);
        if (immigrants > 0)
        {
            var perSeed = PopulationInitializer.Allocate(immigrants, _weights);
            children.AddRange(PopulationInitializer.Create(_genomes, perSeed, _options.MaxRepairAttempts, rng));
        }

        return children;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Produce(
        IReadOnlyList<Individual> parents, IReadOnlyList<int> pool, double[] primary, double[] secondary, List<Individual> children, int until, Random rng)
    {
        while (children.Count < until)
        {
            var first = parents[TournamentSelection.Select(pool, primary, secondary, _options.TournamentSize, rng)];
            var s = _index[first.SeedTypeId];
            var genome = _genomes[s];
            var n = first.Genes.Length;
            var a = _a.AsSpan(0, n);
            first.Genes.CopyTo(a);
            var mates = _species[s];
            if (mates.Count >= 2 && rng.NextDouble() < _options.CrossoverRate)
            {
                var second = parents[TournamentSelection.Select(mates, primary, secondary, _options.TournamentSize, rng)];
                var b = _b.AsSpan(0, n);
                second.Genes.CopyTo(b);
                Crossover.Apply(genome, a, b, _options.Crossover, _options.SbxEta, _options.BlendAlpha, rng);
                children.Add(Finish(genome, a, first, rng));
                if (children.Count < until)
                {
                    children.Add(Finish(genome, b, second, rng));
                }
            }
            else
            {
                children.Add(Finish(genome, a, first, rng));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Individual Finish(SeedTypeGenome genome, Span<double> genes, Individual parent, Random rng)
    {
        Mutation.Apply(genome, genes, _options.MutationRate, _options.MutationScale, rng);
        BoundsRepair.Apply(genome, genes);
        if (genome.Validate(genes).Count == 0)
        {
            return new Individual(genome.SeedTypeId, genome.PluginVersion, genes);
        }

        // The child breaks a cross-gene rule: try mutations of the (valid) parent, then fall back to the parent itself.
        var rate = Math.Max(_options.MutationRate, 1.0 / genes.Length);
        for (var attempt = 0; attempt < _options.MaxRepairAttempts; attempt++)
        {
            parent.Genes.CopyTo(genes);
            Mutation.Apply(genome, genes, rate, _options.MutationScale, rng);
            BoundsRepair.Apply(genome, genes);
            if (genome.Validate(genes).Count == 0)
            {
                return new Individual(genome.SeedTypeId, genome.PluginVersion, genes);
            }
        }

        return parent;
    }
}
