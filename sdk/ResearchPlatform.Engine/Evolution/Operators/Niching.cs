using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Statistics;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>The selection-side niching of <see cref="NichingMode"/>: offspring quotas per species and shared fitness.</summary>
internal static class Niching
{
    /// <summary>
    /// Offspring reserved for each species (same order as <paramref name="species"/>): floor(share x count) with
    /// share = min(<paramref name="quota"/>, 1 / species count); 0 for an empty species.
    /// </summary>
    public static int[] Quotas(IReadOnlyList<List<int>> species, int count, double quota)
    {
        ArgumentNullException.ThrowIfNull(species);
        var alive = 0;
        foreach (var s in species)
        {
            alive += s.Count > 0 ? 1 : 0;
        }

        var quotas = new int[species.Count];
        if (alive == 0)
        {
            return quotas;
        }

        var share = Math.Min(quota, 1.0 / alive);
        var each = (int)Math.Floor(share * count);
        for (var i = 0; i < species.Count; i++)
        {
            quotas[i] = species[i].Count > 0 ? each : 0;
        }

        return quotas;
    }

    /// <summary>
    /// Shared fitness written into <paramref name="shared"/>: (f - min f + 1e-9) / niche count, where the niche count of
    /// member i is sum over members j of its species of max(0, 1 - d(i, j) / <paramref name="radius"/>) (itself
    /// included, so it is at least 1). Invalid members (non-finite fitness) keep -infinity.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Share(
        IReadOnlyList<Individual> members, double[] fitness, IReadOnlyList<List<int>> species, IReadOnlyList<SeedTypeGenome> genomes, double radius, double[] shared)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(fitness);
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(genomes);
        ArgumentNullException.ThrowIfNull(shared);
        var min = double.PositiveInfinity;
        foreach (var f in fitness)
        {
            if (double.IsFinite(f) && f < min)
            {
                min = f;
            }
        }

        for (var s = 0; s < species.Count; s++)
        {
            var idx = species[s];
            for (var a = 0; a < idx.Count; a++)
            {
                var i = idx[a];
                if (!double.IsFinite(fitness[i]))
                {
                    shared[i] = double.NegativeInfinity;
                    continue;
                }

                var niche = 0.0;
                for (var b = 0; b < idx.Count; b++)
                {
                    var d = Diversity.Distance(members[i], members[idx[b]], genomes[s]);
                    if (d < radius)
                    {
                        niche += 1 - (d / radius);
                    }
                }

                shared[i] = (fitness[i] - min + 1e-9) / Math.Max(1, niche);
            }
        }
    }
}
