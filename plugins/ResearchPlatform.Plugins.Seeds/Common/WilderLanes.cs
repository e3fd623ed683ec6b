using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Plugins.Seeds.Common;

/// <summary>
/// <see cref="ResearchPlatform.Sdk.Indicators.WilderAverage"/> for 8 lanes with different periods fed the same input
/// (the close change of RSI, the true range of ATR): the same operations per lane, so the values are bit-identical.
/// </summary>
internal static class WilderLanes
{
    /// <summary>
    /// Adds input <paramref name="x"/> as call number <paramref name="call"/> (0-based) of every lane: the first
    /// <c>period</c> inputs are summed, the mean of them seeds the average, later inputs smooth it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Next(ref V sum, ref V value, V x, V call, V period, V keep, V inverse)
    {
        sum = Vector512.ConditionalSelect(Vector512.LessThan(call, period), sum + x, sum);
        var seeded = Vector512.Equals(call + V.One, period);
        var later = Vector512.GreaterThanOrEqual(call, period);
        value = Vector512.ConditionalSelect(seeded, sum * inverse, Vector512.ConditionalSelect(later, ((value * keep) + x) * inverse, value));
    }

    /// <summary>Per-lane period - 1 and 1 / period, as the scalar average stores them.</summary>
    public static (V Keep, V Inverse) Constants(ReadOnlySpan<int> periods)
    {
        Span<double> keep = stackalloc double[8];
        Span<double> inverse = stackalloc double[8];
        for (var j = 0; j < 8; j++)
        {
            keep[j] = periods[j] - 1;
            inverse[j] = 1.0 / periods[j];
        }

        return (Vector512.Create<double>(keep), Vector512.Create<double>(inverse));
    }

    /// <summary>All bits set: a true lane of a select mask.</summary>
    public static double Mask => BitConverter.Int64BitsToDouble(-1);

    /// <summary>The 8 values <c>values[at[j]]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V Gather(double[] values, ReadOnlySpan<int> at) =>
        Vector512.Create(values[at[0]], values[at[1]], values[at[2]], values[at[3]], values[at[4]], values[at[5]], values[at[6]], values[at[7]]);

    /// <summary>Fills <paramref name="at"/> with max(end - periods[j], 0): the start indices of the lanes' windows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Starts(Span<int> at, int end, ReadOnlySpan<int> periods)
    {
        for (var j = 0; j < 8; j++)
        {
            at[j] = Math.Max(end - periods[j], 0);
        }
    }
}
