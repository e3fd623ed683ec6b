using System.Collections;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// The gaps of a series: every run of missing bars between its first and last bar. Gaps are reported, never filled:
/// a backtest sees the same holes the exchange had. The report is itself the (ordered) list of gaps.
/// </summary>
public sealed record GapReport(IReadOnlyList<Gap> Gaps) : IReadOnlyList<Gap>
{
    /// <summary>An empty report.</summary>
    public static GapReport None { get; } = new([]);

    /// <summary>Number of gap events.</summary>
    public int Count => Gaps.Count;

    /// <inheritdoc />
    public Gap this[int index] => Gaps[index];

    /// <summary>Total missing bars over all gaps.</summary>
    public long MissingBars => Gaps.Sum(g => g.MissingBars);

    /// <summary>The longest gap (the earliest one when several tie), or null when there is none.</summary>
    public Gap? Longest => Gaps.Count == 0 ? null : Gaps.Aggregate((a, b) => b.MissingBars > a.MissingBars ? b : a);

    /// <summary>Finds the gaps of sorted, on-grid open times.</summary>
    public static GapReport Detect(ReadOnlySpan<long> openTimesMs, BarInterval interval)
    {
        var step = interval.Milliseconds;
        var gaps = new List<Gap>();
        for (var i = 1; i < openTimesMs.Length; i++)
        {
            var delta = openTimesMs[i] - openTimesMs[i - 1];
            if (delta > step)
            {
                gaps.Add(new Gap(
                    DateTimeOffset.FromUnixTimeMilliseconds(openTimesMs[i - 1] + step),
                    DateTimeOffset.FromUnixTimeMilliseconds(openTimesMs[i]),
                    (delta / step) - 1));
            }
        }

        return gaps.Count == 0 ? None : new GapReport(gaps);
    }

    /// <summary>Finds the gaps of a series.</summary>
    public static GapReport Detect(BarSeries series) => Detect(series.OpenTimesMs, series.Interval);

    /// <inheritdoc />
    public IEnumerator<Gap> GetEnumerator() => Gaps.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
