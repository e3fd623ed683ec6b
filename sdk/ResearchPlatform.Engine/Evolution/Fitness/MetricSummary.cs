namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>Metrics of one individual aggregated over a set of windows (training, out-of-sample or hold-out).</summary>
/// <param name="Windows">Number of windows aggregated (0 = no data).</param>
/// <param name="Bars">Bars scored in total.</param>
/// <param name="Sharpe">Mean annualised Sharpe.</param>
/// <param name="TotalReturn">Mean compounded return per window.</param>
/// <param name="AnnualReturn">Mean annualised log return.</param>
/// <param name="MaxDrawdown">Worst max drawdown.</param>
/// <param name="Trades">Total trades.</param>
/// <param name="Skewness">Mean skewness of per-bar returns.</param>
/// <param name="Kurtosis">Mean kurtosis of per-bar returns.</param>
internal sealed record MetricSummary(
    int Windows,
    long Bars,
    double Sharpe,
    double TotalReturn,
    double AnnualReturn,
    double MaxDrawdown,
    long Trades,
    double Skewness,
    double Kurtosis)
{
    /// <summary>No windows.</summary>
    public static MetricSummary Empty { get; } = new(0, 0, double.NaN, double.NaN, double.NaN, double.NaN, 0, double.NaN, double.NaN);

    /// <summary>Mean trades per window.</summary>
    public double MeanTrades => Windows == 0 ? 0 : (double)Trades / Windows;

    /// <summary>Aggregates <paramref name="metrics"/>; <paramref name="periodsPerYear"/> annualises returns.</summary>
    public static MetricSummary From(IReadOnlyList<WindowMetrics> metrics, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Count == 0)
        {
            return Empty;
        }

        var acc = default(MetricAccumulator);
        foreach (var m in metrics)
        {
            acc.Add(m, periodsPerYear);
        }

        return acc.Build();
    }

    /// <summary>
    /// <c>ln(1 + r) * periodsPerYear / bars</c>, with the loss floored at -99.9999 % so a wiped-out window stays finite.
    /// </summary>
    public static double AnnualLogReturn(double totalReturn, int bars, double periodsPerYear)
    {
        if (bars <= 0)
        {
            return 0;
        }

        return Math.Log(Math.Max(1.0 + totalReturn, 1e-6)) * periodsPerYear / bars;
    }
}
