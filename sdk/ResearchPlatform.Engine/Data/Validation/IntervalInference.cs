namespace ResearchPlatform.Engine.Data.Validation;

/// <summary>The bar interval of a file: the most common spacing between consecutive (sorted, unique) open times.</summary>
internal static class IntervalInference
{
    /// <summary>Returns the most common positive delta (the smaller one on ties) and how often it occurs; 0 when fewer than 2 bars.</summary>
    public static (long DeltaMs, int Occurrences, int Pairs) MostCommonDelta(ReadOnlySpan<long> sortedUniqueTimes)
    {
        if (sortedUniqueTimes.Length < 2)
        {
            return (0, 0, 0);
        }

        var counts = new Dictionary<long, int>();
        for (var i = 1; i < sortedUniqueTimes.Length; i++)
        {
            var d = sortedUniqueTimes[i] - sortedUniqueTimes[i - 1];
            counts[d] = counts.GetValueOrDefault(d) + 1;
        }

        var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First();
        return (best.Key, best.Value, sortedUniqueTimes.Length - 1);
    }
}
