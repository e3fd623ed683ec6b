using System.Runtime.CompilerServices;

namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>Accumulates window metrics into a <see cref="MetricSummary"/> without allocating per window.</summary>
internal struct MetricAccumulator
{
    private double _sharpe;
    private double _total;
    private double _annual;
    private double _drawdown;
    private double _skew;
    private double _kurt;
    private long _bars;
    private long _trades;

    /// <summary>Windows added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(WindowMetrics m, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(m);
        _sharpe += m.Sharpe;
        _total += m.TotalReturn;
        _annual += MetricSummary.AnnualLogReturn(m.TotalReturn, m.Bars, periodsPerYear);
        _drawdown = Math.Max(_drawdown, m.MaxDrawdown);
        _skew += m.Skewness;
        _kurt += m.Kurtosis;
        _bars += m.Bars;
        _trades += m.Trades;
        Count++;
    }

    /// <summary>The summary of the windows added (<see cref="MetricSummary.Empty"/> when none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly MetricSummary Build()
    {
        if (Count == 0)
        {
            return MetricSummary.Empty;
        }

        var n = Count;
        return new MetricSummary(n, _bars, _sharpe / n, _total / n, _annual / n, _drawdown, _trades, _skew / n, _kurt / n);
    }
}
