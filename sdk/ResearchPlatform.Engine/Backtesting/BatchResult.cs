namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Metrics of every (strategy, window) pair of a batch run.</summary>
public sealed class BatchResult
{
    private readonly BacktestMetrics[] _metrics;

    internal BatchResult(int strategyCount, IReadOnlyList<BarRange> windows, BacktestMetrics[] metrics, TimeSpan elapsed, long steps)
    {
        StrategyCount = strategyCount;
        Windows = windows;
        _metrics = metrics;
        Elapsed = elapsed;
        Steps = steps;
    }

    /// <summary>Number of strategies (gene vectors).</summary>
    public int StrategyCount { get; }

    /// <summary>The windows, in the order given.</summary>
    public IReadOnlyList<BarRange> Windows { get; }

    /// <summary>Wall time of the run (signals, kernel and metrics; data loading excluded).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Strategy × bar steps evaluated: strategies × Σ window lengths.</summary>
    public long Steps { get; }

    /// <summary>The metrics of strategy <paramref name="strategy"/> over window <paramref name="window"/>.</summary>
    public BacktestMetrics Get(int strategy, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(strategy);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(strategy, StrategyCount);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(window, Windows.Count);
        return _metrics[(strategy * Windows.Count) + window];
    }
}
