using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Genome;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>
/// Brings a gene vector back inside its bounds: real genes are reflected off the violated bound (then clamped, for
/// steps larger than the range), discrete genes are rounded half away from zero and clamped.
/// </summary>
internal static class BoundsRepair
{
    /// <summary>Repairs <paramref name="genes"/> in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(SeedTypeGenome genome, Span<double> genes)
    {
        ArgumentNullException.ThrowIfNull(genome);
        for (var i = 0; i < genes.Length; i++)
        {
            genes[i] = Repair(genome, i, genes[i]);
        }
    }

    /// <summary>The repaired value of gene <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Repair(SeedTypeGenome genome, int index, double value)
    {
        ArgumentNullException.ThrowIfNull(genome);
        var lo = genome.Lower(index);
        var hi = genome.Upper(index);
        if (double.IsNaN(value))
        {
            value = lo;
        }

        if (genome.IsDiscrete(index))
        {
            return Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), lo, hi);
        }

        if (value < lo)
        {
            value = lo + (lo - value);
        }
        else if (value > hi)
        {
            value = hi - (value - hi);
        }

        return Math.Clamp(value, lo, hi);
    }
}
