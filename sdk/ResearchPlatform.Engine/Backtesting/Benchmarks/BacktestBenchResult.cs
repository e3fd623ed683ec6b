namespace ResearchPlatform.Engine.Backtesting.Benchmarks;

/// <summary>Figures of <see cref="BacktestBench"/>: the best run of each (the target figures) and the median run.</summary>
/// <param name="Bars">Bars of the series.</param>
/// <param name="GridStrategies">Strategies of the canonical grid (4,851).</param>
/// <param name="BestFast">Fast window of the best grid strategy.</param>
/// <param name="BestSlow">Slow window of the best grid strategy.</param>
/// <param name="BestPnl">Its PnL in price units (1 unit, 10 bps fees).</param>
/// <param name="GridSeconds">Best wall time of the grid (signals, kernel and metrics).</param>
/// <param name="StepsPerSec">bars × strategies / GridSeconds.</param>
/// <param name="FullStepsPerSec">The same grid computing every statistic (Sharpe, drawdown, ...).</param>
/// <param name="MixedStrategies">Random individuals over the seed types.</param>
/// <param name="MixedSeconds">Best wall time of the mixed population.</param>
/// <param name="MixedStepsPerSec">bars × individuals / MixedSeconds.</param>
/// <param name="StepsPerCpuSec">Grid steps per CPU-second of the process (per core; robust when other processes compete).</param>
/// <param name="MixedStepsPerCpuSec">Mixed steps per CPU-second of the process.</param>
/// <param name="SingleMs">Best time of one single backtest with trades and equity curve (momentum defaults).</param>
/// <param name="Threads">Threads used.</param>
/// <param name="Vector512">Whether Vector512 is hardware accelerated.</param>
public sealed record BacktestBenchResult(
    int Bars,
    int GridStrategies,
    int BestFast,
    int BestSlow,
    double BestPnl,
    double GridSeconds,
    double StepsPerSec,
    double FullStepsPerSec,
    int MixedStrategies,
    double MixedSeconds,
    double MixedStepsPerSec,
    double StepsPerCpuSec,
    double MixedStepsPerCpuSec,
    double SingleMs,
    int Threads,
    bool Vector512)
{
    /// <summary>Runs per figure (single backtest: max(10 × repeats, 60)).</summary>
    public int Repeats { get; init; }

    /// <summary>Grid steps/s of the median run (the best run gives <see cref="StepsPerSec"/>, the target figure).</summary>
    public double MedianStepsPerSec { get; init; }

    /// <summary>Full-statistics grid steps/s of the median run.</summary>
    public double MedianFullStepsPerSec { get; init; }

    /// <summary>Mixed steps/s of the median run.</summary>
    public double MedianMixedStepsPerSec { get; init; }

    /// <summary>Grid steps per CPU-second of the median run.</summary>
    public double MedianStepsPerCpuSec { get; init; }

    /// <summary>Mixed steps per CPU-second of the median run.</summary>
    public double MedianMixedStepsPerCpuSec { get; init; }

    /// <summary>Median time of the single backtest.</summary>
    public double MedianSingleMs { get; init; }
}
