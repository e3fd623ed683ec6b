using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>
/// Recombines two gene vectors of the same seed type in place: SBX or BLX-alpha for real genes, uniform swap for integer
/// and categorical genes. Children stay inside the bounds.
/// </summary>
internal static class Crossover
{
    private const double Epsilon = 1e-14;

    /// <summary>Recombines <paramref name="a"/> and <paramref name="b"/> in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(SeedTypeGenome genome, Span<double> a, Span<double> b, CrossoverKind kind, double sbxEta, double blendAlpha, Random rng)
    {
        ArgumentNullException.ThrowIfNull(genome);
        ArgumentNullException.ThrowIfNull(rng);
        for (var i = 0; i < a.Length; i++)
        {
            if (genome.Genes[i].Kind != GeneKind.Real)
            {
                if (rng.NextDouble() < 0.5)
                {
                    (a[i], b[i]) = (b[i], a[i]);
                }

                continue;
            }

            var lo = genome.Lower(i);
            var hi = genome.Upper(i);
            if (kind == CrossoverKind.Sbx)
            {
                Sbx(ref a[i], ref b[i], lo, hi, sbxEta, rng);
            }
            else
            {
                Blend(ref a[i], ref b[i], lo, hi, blendAlpha, rng);
            }
        }
    }

    /// <summary>Bounded simulated binary crossover of one gene pair (applied with probability 0.5 per gene).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sbx(ref double x, ref double y, double lo, double hi, double eta, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (rng.NextDouble() >= 0.5 || Math.Abs(x - y) <= Epsilon || hi - lo <= Epsilon)
        {
            return;
        }

        var x1 = Math.Min(x, y);
        var x2 = Math.Max(x, y);
        var u = rng.NextDouble();
        var c1 = 0.5 * (x1 + x2 - (Spread(1.0 + (2.0 * (x1 - lo) / (x2 - x1)), eta, u) * (x2 - x1)));
        var c2 = 0.5 * (x1 + x2 + (Spread(1.0 + (2.0 * (hi - x2) / (x2 - x1)), eta, u) * (x2 - x1)));
        c1 = Math.Clamp(c1, lo, hi);
        c2 = Math.Clamp(c2, lo, hi);
        if (rng.NextDouble() <= 0.5)
        {
            (x, y) = (c2, c1);
        }
        else
        {
            (x, y) = (c1, c2);
        }
    }

    /// <summary>BLX-alpha for one gene pair: children drawn on the segment widened by alpha on each side, repaired.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Blend(ref double x, ref double y, double lo, double hi, double alpha, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var gamma = ((1.0 + (2.0 * alpha)) * rng.NextDouble()) - alpha;
        var c1 = ((1.0 - gamma) * x) + (gamma * y);
        var c2 = (gamma * x) + ((1.0 - gamma) * y);
        x = Reflect(c1, lo, hi);
        y = Reflect(c2, lo, hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Spread(double beta, double eta, double u)
    {
        var alpha = 2.0 - Math.Pow(beta, -(eta + 1.0));
        return u <= 1.0 / alpha
            ? Math.Pow(u * alpha, 1.0 / (eta + 1.0))
            : Math.Pow(1.0 / (2.0 - (u * alpha)), 1.0 / (eta + 1.0));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Reflect(double v, double lo, double hi)
    {
        if (v < lo)
        {
            v = lo + (lo - v);
        }
        else if (v > hi)
        {
            v = hi - (v - hi);
        }

        return Math.Clamp(v, lo, hi);
    }
}
