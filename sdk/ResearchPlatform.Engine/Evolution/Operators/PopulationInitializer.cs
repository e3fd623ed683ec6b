using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>
/// Creates random individuals: genes uniform inside each gene's bounds (whole values for integer and categorical genes),
/// redrawn until the seed type accepts the vector. The population is split over the seed types by weight with the
/// largest-remainder method, so counts are exact and deterministic.
/// </summary>
internal static class PopulationInitializer
{
    /// <summary>How many individuals each seed type gets (same order as <paramref name="weights"/>).</summary>
    public static int[] Allocate(int populationSize, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.Sum();
        if (weights.Count == 0 || !(total > 0) || weights.Any(w => w < 0 || !double.IsFinite(w)))
        {
            throw new ArgumentException("seed type weights must be finite, non-negative and not all zero", nameof(weights));
        }

        var counts = new int[weights.Count];
        var remainders = new double[weights.Count];
        var assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = populationSize * weights[i] / total;
            counts[i] = (int)Math.Floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }

        // Largest remainders first; ties go to the earlier seed type.
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; assigned < populationSize; k++, assigned++)
        {
            counts[order[k % order.Length]]++;
        }

        return counts;
    }

    /// <summary>The initial population: <paramref name="counts"/>[i] random individuals of genome i, in genome order.</summary>
    public static List<Individual> Create(IReadOnlyList<SeedTypeGenome> genomes, IReadOnlyList<int> counts, int maxAttempts, Random rng)
    {
        ArgumentNullException.ThrowIfNull(genomes);
        ArgumentNullException.ThrowIfNull(counts);
        var population = new List<Individual>(counts.Sum());
        for (var s = 0; s < genomes.Count; s++)
        {
            for (var k = 0; k < counts[s]; k++)
            {
                population.Add(Random(genomes[s], maxAttempts, rng));
            }
        }

        return population;
    }

    /// <summary>One random valid individual of <paramref name="genome"/>.</summary>
    public static Individual Random(SeedTypeGenome genome, int maxAttempts, Random rng)
    {
        ArgumentNullException.ThrowIfNull(genome);
        ArgumentNullException.ThrowIfNull(rng);
        var genes = new double[genome.Genes.Count];
        IReadOnlyList<string> problems = [];
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            for (var i = 0; i < genes.Length; i++)
            {
                var lo = genome.Lower(i);
                var hi = genome.Upper(i);
                genes[i] = genome.IsDiscrete(i) ? rng.NextWhole(lo, hi) : lo + (rng.NextDouble() * (hi - lo));
            }

            problems = genome.Validate(genes);
            if (problems.Count == 0)
            {
                return new Individual(genome.SeedTypeId, genome.PluginVersion, genes);
            }
        }

        throw new InvalidOperationException(
            $"seed type '{genome.SeedTypeId}': no valid gene vector in {maxAttempts} random draws (last problem: {string.Join("; ", problems)})");
    }
}
