using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>
/// Per-gene mutation with probability <c>rate</c>: real genes get Gaussian noise with sigma = scale x range (reflected
/// into bounds); integer genes a rounded Gaussian step of at least one unit (clamped); categorical genes switch to a
/// different choice uniformly.
/// </summary>
internal static class Mutation
{
    /// <summary>Mutates <paramref name="genes"/> in place; returns how many genes changed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Apply(SeedTypeGenome genome, Span<double> genes, double rate, double scale, Random rng)
    {
        ArgumentNullException.ThrowIfNull(genome);
        ArgumentNullException.ThrowIfNull(rng);
        var changed = 0;
        for (var i = 0; i < genes.Length; i++)
        {
            if (rng.NextDouble() >= rate)
            {
                continue;
            }

            var lo = genome.Lower(i);
            var hi = genome.Upper(i);
            if (hi <= lo)
            {
                continue;
            }

            var before = genes[i];
            genes[i] = genome.Genes[i].Kind switch
            {
                GeneKind.Real => BoundsRepair.Repair(genome, i, genes[i] + (rng.NextGaussian() * scale * (hi - lo))),
                GeneKind.Integer => MutateInteger(genes[i], lo, hi, scale, rng),
                _ => MutateCategorical(genes[i], lo, hi, rng),
            };
            if (genes[i] != before)
            {
                changed++;
            }
        }

        return changed;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MutateInteger(double value, double lo, double hi, double scale, Random rng)
    {
        var step = Math.Round(rng.NextGaussian() * scale * (hi - lo), MidpointRounding.AwayFromZero);
        if (step == 0)
        {
            step = rng.NextDouble() < 0.5 ? -1 : 1;
        }

        var next = value + step;
        if (next >= lo && next <= hi)
        {
            return next;
        }

        // The step leaves the range: take whichever direction, clamped, moves the gene further (never zero).
        var forward = Math.Clamp(next, lo, hi);
        var backward = Math.Clamp(value - step, lo, hi);
        return Math.Abs(backward - value) >= Math.Abs(forward - value) ? backward : forward;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MutateCategorical(double value, double lo, double hi, Random rng)
    {
        var pick = rng.NextWhole(lo, hi - 1);
        return pick >= value ? pick + 1 : pick;
    }
}
