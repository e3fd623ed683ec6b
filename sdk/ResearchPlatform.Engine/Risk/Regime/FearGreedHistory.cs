namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>
/// Fear &amp; Greed history for backtests, with the look-ahead rule: the value of day d is usable only once day d has
/// closed (from d+1 00:00 UTC). Storage feeds it from the <c>fear_greed</c> table; tests feed it in memory.
/// </summary>
internal sealed class FearGreedHistory
{
    private readonly DateOnly[] _days;
    private readonly int[] _values;

    public FearGreedHistory(IEnumerable<FearGreedPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Day).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Day == sorted[i - 1].Day)
            {
                throw new ArgumentException($"two Fear & Greed values for {sorted[i].Day:yyyy-MM-dd}", nameof(points));
            }
        }

        _days = sorted.Select(p => p.Day).ToArray();
        _values = sorted.Select(p => p.Value).ToArray();
    }

    public int Count => _days.Length;

    /// <summary>The latest value whose day closed at or before <paramref name="at"/>, or null when none has.</summary>
    public int? ValueAsOf(DateTimeOffset at)
    {
        // Day d closes at d+1 00:00 UTC, so the last usable day is the UTC date of `at` minus one.
        var lastUsable = DateOnly.FromDateTime(at.UtcDateTime).AddDays(-1);
        var i = Array.BinarySearch(_days, lastUsable);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i >= 0 ? _values[i] : null;
    }
}
