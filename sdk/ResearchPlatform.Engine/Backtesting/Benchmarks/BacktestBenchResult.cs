namespace ResearchPlatform.Engine.Backtesting.Benchmarks;

/// <summary>Figures of <see cref="BacktestBench"/>.</summary>
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
    bool Vector512);
