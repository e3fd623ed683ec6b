using System.Text;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Sdk.Data;
using DataFearGreedPoint = ResearchPlatform.Engine.Data.FearGreed.FearGreedPoint;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>
/// Notebook access to the risk engine's regime detector: runs <c>RegimeDetector</c> (default rule classifier and
/// options) over daily closes, with Fear &amp; Greed lagged as the risk manager sees it (<c>FearGreedHistory.ValueAsOf</c>).
/// </summary>
public static class RegimeHistory
{
    /// <summary>The regime after every daily close of <paramref name="daily"/>.</summary>
    public static IReadOnlyList<RegimePoint> Compute(BarSeries daily, IEnumerable<DataFearGreedPoint>? fearGreed = null)
    {
        ArgumentNullException.ThrowIfNull(daily);
        if (daily.Interval.Duration != TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"the regime detector works on daily closes; got {daily.Interval} bars", nameof(daily));
        }

        var history = fearGreed is null ? null : new FearGreedHistory(fearGreed.Select(p => new FearGreedPoint(p.Date, p.Value)));
        var detector = new RegimeDetector();
        var points = new List<RegimePoint>(daily.Count);
        for (var i = 0; i < daily.Count; i++)
        {
            var closeTime = daily.TimeAt(i) + daily.Interval.Duration;
            var fg = history?.ValueAsOf(closeTime);
            var s = detector.Update(daily.Close[i], fg);
            points.Add(new RegimePoint(daily.TimeAt(i), daily.Close[i], Name(s.Regime), s.Trend, s.Volatility, s.VolatilityPercentile, fg));
        }

        return points;
    }

    private static string Name(MarketRegime regime)
    {
        var text = regime.ToString();
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(text[i]));
        }

        return sb.ToString();
    }
}
