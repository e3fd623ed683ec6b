using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>
/// Produces offspring: tournament selection of the first parent over the whole population, of the second parent among
/// members of the same seed type; crossover with the crossover rate; mutation; bounds repair; seed-type validation
/// (redrawn mutations of the parent when the child is invalid, else the parent itself). Random immigrants, when
/// requested, are appended last, spread over the seed types by weight.
/// </summary>
internal sealed class Breeder
{
    private readonly IReadOnlyList<SeedTypeGenome> _genomes;
    private readonly Dictionary<string, SeedTypeGenome> _byId;
    private readonly IReadOnlyList<double> _weights;
    private readonly EvolutionOptions _options;

    public Breeder(IReadOnlyList<SeedTypeGenome> genomes, IReadOnlyList<double> weights, EvolutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(genomes);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(options);
        _genomes = genomes;
        _byId = genomes.ToDictionary(g => g.SeedTypeId, StringComparer.Ordinal);
        _weights = weights;
        _options = options;
    }

    /// <summary>
    /// <paramref name="count"/> new individuals from <paramref name="parents"/> ranked by (primary, secondary), of which
    /// the last <paramref name="immigrants"/> are random.
    /// </summary>
    public List<Individual> Breed(IReadOnlyList<Individual> parents, double[] primary, double[] secondary, int count, int immigrants, Random rng)
    {
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(rng);
        var all = Enumerable.Range(0, parents.Count).ToArray();
        var bySeed = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < parents.Count; i++)
        {
            if (!bySeed.TryGetValue(parents[i].SeedTypeId, out var list))
            {
                list = [];
                bySeed.Add(parents[i].SeedTypeId, list);
            }

            list.Add(i);
        }

        var children = new List<Individual>(count);
        var bred = count - immigrants;
        while (children.Count < bred)
        {
            var p1 = TournamentSelection.Select(all, primary, secondary, _options.TournamentSize, rng);
            var first = parents[p1];
            var genome = _byId[first.SeedTypeId];
            var a = first.Genes.ToArray();
            var mates = bySeed[first.SeedTypeId];
            if (mates.Count >= 2 && rng.NextDouble() < _options.CrossoverRate)
            {
                var second = parents[TournamentSelection.Select(mates, primary, secondary, _options.TournamentSize, rng)];
                var b = second.Genes.ToArray();
                Crossover.Apply(genome, a, b, _options.Crossover, _options.SbxEta, _options.BlendAlpha, rng);
                children.Add(Finish(genome, a, first, rng));
                if (children.Count < bred)
                {
                    children.Add(Finish(genome, b, second, rng));
                }
            }
            else
            {
                children.Add(Finish(genome, a, first, rng));
            }
        }

        if (immigrants > 0)
        {
            var perSeed = PopulationInitializer.Allocate(immigrants, _weights);
            children.AddRange(PopulationInitializer.Create(_genomes, perSeed, _options.MaxRepairAttempts, rng));
        }

        return children;
    }

    private Individual Finish(SeedTypeGenome genome, double[] genes, Individual parent, Random rng)
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
