namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// The local venue's hourly funding rates: for every coin and every whole hour a rate of
/// <c>centre + amplitude x u</c>, u in [-1, 1] drawn from a hash of (seed, coin, hour), rounded to 10 decimals. A pure
/// function of its inputs, so the rates <c>fundingHistory</c> serves are the rates the venue charges, before and after a
/// restart with the same seed.
/// </summary>
public sealed class FundingSchedule(decimal centre, decimal amplitude, int seed)
{
    private const long HourMs = 3_600_000L;

    /// <summary>The rate paid (by longs, when positive) at the funding time <paramref name="time"/> (floored to the hour).</summary>
    public decimal RateAt(string coin, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(coin);
        var hour = Math.DivRem(time.ToUnixTimeMilliseconds(), HourMs, out var rest) - (rest < 0 ? 1 : 0);
        var h = Mix((ulong)(uint)seed ^ ((ulong)hour * 0x9E3779B97F4A7C15UL));
        foreach (var c in coin)
        {
            h = Mix(h ^ c);
        }

        var u = ((decimal)(h >> 11) / (1UL << 53) * 2m) - 1m;
        return decimal.Round(centre + (amplitude * u), 10, MidpointRounding.AwayFromZero);
    }

    /// <summary>The funding times (whole hours) in [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public static IEnumerable<DateTimeOffset> Hours(DateTimeOffset from, DateTimeOffset to)
    {
        var ms = from.ToUnixTimeMilliseconds();
        var first = ((ms / HourMs) + (ms % HourMs > 0 ? 1 : 0)) * HourMs;
        for (var t = first; t <= to.ToUnixTimeMilliseconds(); t += HourMs)
        {
            yield return DateTimeOffset.FromUnixTimeMilliseconds(t);
        }
    }

    // SplitMix64's finaliser: a stable 64-bit hash (string.GetHashCode is randomised per process).
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
