using System.Runtime.CompilerServices;

namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>Draws used by the operators; everything comes from the run's seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    /// <summary>A standard normal draw (Box–Muller, one value per call so the stream is easy to reason about).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double NextGaussian(this Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var u1 = 1.0 - rng.NextDouble(); // (0, 1]
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A uniform integer in [lo, hi] (both inclusive, whole numbers stored as doubles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double NextWhole(this Random rng, double lo, double hi)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var span = (long)(hi - lo) + 1;
        return lo + rng.NextInt64(span);
    }
}
