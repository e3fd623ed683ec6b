using ResearchPlatform.Engine.Evolution.Fitness;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>The headline metrics stored per individual and window set (null when the set is empty or failed).</summary>
internal sealed record StoredMetrics(double? Sharpe, double? TotalReturn, double? MaxDrawdown, long? Trades)
{
    /// <summary>The stored headline of a summary.</summary>
    public static StoredMetrics From(MetricSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Windows == 0 ? new StoredMetrics(null, null, null, null) : new StoredMetrics(Finite(s.Sharpe), Finite(s.TotalReturn), Finite(s.MaxDrawdown), s.Trades);
    }

    /// <summary>The value, or null when it is not a finite number.</summary>
    public static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
