using System.Runtime.CompilerServices;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>
/// Tournament selection: draws <c>size</c> candidates with replacement and keeps the best by (primary desc, secondary
/// desc, index asc). Composite mode ranks by fitness; NSGA-II by (-front rank, crowding distance).
/// </summary>
internal static class TournamentSelection
{
    /// <summary>Index (into the population) of the tournament winner among <paramref name="candidates"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Select(IReadOnlyList<int> candidates, double[] primary, double[] secondary, int size, Random rng)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(secondary);
        ArgumentNullException.ThrowIfNull(rng);
        var best = candidates[rng.Next(candidates.Count)];
        for (var k = 1; k < size; k++)
        {
            var c = candidates[rng.Next(candidates.Count)];
            if (IsBetter(c, best, primary, secondary))
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Whether individual <paramref name="a"/> ranks above <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsBetter(int a, int b, double[] primary, double[] secondary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(secondary);
        if (primary[a] != primary[b])
        {
            return primary[a] > primary[b];
        }

        if (secondary[a] != secondary[b])
        {
            return secondary[a] > secondary[b];
        }

        return a < b;
    }
}
