using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Evolution.Statistics;

/// <summary>
/// Computes a <see cref="DiversitySnapshot"/> exactly in O(n log n) per gene: the sum of |x_i - x_j| over all pairs of
/// sorted values x_(0..n-1) equals <c>sum_i x_(i) * (2i - n + 1)</c>.
/// </summary>
internal static class Diversity
{
    /// <summary>The diversity of <paramref name="population"/> whose seed types are among <paramref name="genomes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DiversitySnapshot Measure(IReadOnlyList<Individual> population, IReadOnlyList<SeedTypeGenome> genomes)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(genomes);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in genomes)
        {
            counts[g.SeedTypeId] = 0;
        }

        var groups = new Dictionary<string, List<Individual>>(StringComparer.Ordinal);
        foreach (var ind in population)
        {
            if (!groups.TryGetValue(ind.SeedTypeId, out var list))
            {
                list = [];
                groups.Add(ind.SeedTypeId, list);
            }

            list.Add(ind);
            counts[ind.SeedTypeId] = list.Count;
        }

        var n = (double)population.Count;
        var pairs = n * (n - 1) / 2;
        var sameTypePairs = 0.0;
        var distanceSum = 0.0;
        foreach (var genome in genomes)
        {
            if (!groups.TryGetValue(genome.SeedTypeId, out var members) || members.Count < 2)
            {
                continue;
            }

            sameTypePairs += members.Count * (members.Count - 1.0) / 2;
            distanceSum += WithinGroup(members, genome);
        }

        var mean = pairs > 0 ? (distanceSum + (pairs - sameTypePairs)) / pairs : 0;
        return new DiversitySnapshot(mean, population.Distinct().Count(), counts);
    }

    /// <summary>
    /// Normalised distance of two individuals in [0, 1]: mean over genes of |a - b| / range (categorical: 0 or 1);
    /// 1 for different seed types.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Distance(Individual a, Individual b, SeedTypeGenome genome)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(genome);
        if (!string.Equals(a.SeedTypeId, b.SeedTypeId, StringComparison.Ordinal) || genome.Genes.Count == 0)
        {
            return 1;
        }

        var sum = 0.0;
        for (var j = 0; j < genome.Genes.Count; j++)
        {
            var range = genome.Upper(j) - genome.Lower(j);
            if (range <= 0)
            {
                continue;
            }

            sum += genome.Genes[j].Kind == GeneKind.Categorical
                ? (a.Genes[j] == b.Genes[j] ? 0 : 1)
                : Math.Abs(a.Genes[j] - b.Genes[j]) / range;
        }

        return sum / genome.Genes.Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double WithinGroup(List<Individual> members, SeedTypeGenome genome)
    {
        var geneCount = genome.Genes.Count;
        if (geneCount == 0)
        {
            return 0;
        }

        var values = new double[members.Count];
        var sum = 0.0;
        for (var j = 0; j < geneCount; j++)
        {
            var lo = genome.Lower(j);
            var range = genome.Upper(j) - lo;
            if (range <= 0)
            {
                continue;
            }

            for (var i = 0; i < members.Count; i++)
            {
                values[i] = members[i].Genes[j];
            }

            sum += genome.Genes[j].Kind == GeneKind.Categorical
                ? DifferingPairs(values)
                : SumOfPairwiseDistances(values, lo, range);
        }

        return sum / geneCount;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumOfPairwiseDistances(double[] values, double lo, double range)
    {
        Array.Sort(values);
        var n = values.Length;
        var s = 0.0;
        for (var i = 0; i < n; i++)
        {
            s += (values[i] - lo) / range * ((2.0 * i) - n + 1);
        }

        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double DifferingPairs(double[] values)
    {
        Array.Sort(values);
        var n = (double)values.Length;
        var sameSquares = 0.0;
        var run = 1;
        for (var i = 1; i <= values.Length; i++)
        {
            if (i < values.Length && values[i] == values[i - 1])
            {
                run++;
                continue;
            }

            sameSquares += (double)run * run;
            run = 1;
        }

        return ((n * n) - sameSquares) / 2;
    }
}
