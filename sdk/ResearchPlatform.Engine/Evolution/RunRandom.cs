namespace ResearchPlatform.Engine.Evolution;

/// <summary>
/// The run's randomness. Generation g draws from <c>new Random(Mix(seed, g))</c> (SplitMix64 finaliser), so no RNG
/// state has to be stored: a run resumed after generation g re-derives the exact stream of generation g + 1 from the
/// recorded seed. <see cref="Random(int)"/> with a seed uses the legacy algorithm, which is stable across .NET versions.
/// </summary>
internal static class RunRandom
{
    /// <summary>The RNG that creates generation <paramref name="generation"/> (0 = initial population).</summary>
    public static Random ForGeneration(int seed, int generation) => new(DeriveSeed(seed, generation));

    /// <summary>The 31-bit seed for generation <paramref name="generation"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static int DeriveSeed(int seed, int generation)
    {
        var z = ((ulong)(uint)seed << 32) | (uint)generation;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
