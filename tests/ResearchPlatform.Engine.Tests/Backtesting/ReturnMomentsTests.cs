using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Backtesting;

/// <summary>Skewness and kurtosis of per-bar returns reported by the kernel (for the deflated Sharpe ratio).</summary>
public sealed class ReturnMomentsTests
{
    /// <summary>Two-pass population moments of the returns implied by an equity curve (independent of the kernel's power sums).</summary>
    private static (double Skew, double Kurt) Independent(IReadOnlyList<double> equity, double cash)
    {
        var r = new double[equity.Count];
        var prev = cash;
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = (equity[i] / prev) - 1;
            prev = equity[i];
        }

        var mean = r.Average();
        var m2 = r.Select(x => Math.Pow(x - mean, 2)).Average();
        var m3 = r.Select(x => Math.Pow(x - mean, 3)).Average();
        var m4 = r.Select(x => Math.Pow(x - mean, 4)).Average();
        return (m3 / Math.Pow(m2, 1.5), m4 / (m2 * m2));
    }

    [Fact]
    public void Run_RandomWalkMomentum_SkewnessAndKurtosisMatchTwoPassComputation()
    {
        var bars = TestSeries.RandomWalk(3000, 21);
        var options = new BacktestOptions();
        var result = Backtest.Run(bars, new MomentumTestSeed(), [8], options);
        var (skew, kurt) = Independent(result.Equity, options.InitialCash);

        Assert.True(Math.Abs(skew) > 0.01, $"skew {skew}: the test needs non-normal returns");
        Assert.Equal(skew, result.Metrics.Skewness, 6);
        Assert.Equal(kurt, result.Metrics.Kurtosis, 6);
        var batch = BacktestEngine.RunBatch(bars, new MomentumTestSeed(), [8, 30], 2, options, [BarRange.All(bars.Count)], 1, CancellationToken.None);
        Assert.Equal(result.Metrics.Skewness, batch.Get(0, 0).Skewness, 9);
        Assert.Equal(result.Metrics.Kurtosis, batch.Get(0, 0).Kurtosis, 9);
        var w = BacktestFitnessEvaluator.ToWindowMetrics(batch.Get(1, 0));
        Assert.Equal(batch.Get(1, 0).Skewness, w.Skewness);
        Assert.Equal(batch.Get(1, 0).Kurtosis, w.Kurtosis);
    }

    [Fact]
    public void Run_RiskAwareUnreachableLimits_SameMomentsAsKernel()
    {
        var bars = TestSeries.RandomWalk(1500, 5);
        var genome = new RiskGenome
        {
            MaxPositionSizePct = 1, MaxTotalExposurePct = 3, ConcentrationLimitPct = 100, DailyDrawdownLimitPct = 1, TotalDrawdownLimitPct = 1,
            MaxTradesPerHour = 1e9, ConsecutiveLossLimit = 1e9, RapidLossThresholdPct = 1e9,
        };
        var kernel = Backtest.Run(bars, new MomentumTestSeed(), [8], new BacktestOptions()).Metrics;
        var risk = RiskBacktest.Run(bars, new MomentumTestSeed(), [8], new BacktestOptions(), genome).Backtest.Metrics;

        Assert.Equal(kernel.Skewness, risk.Skewness, 9);
        Assert.Equal(kernel.Kurtosis, risk.Kurtosis, 9);
    }

    [Fact]
    public void Run_FlatStrategy_NormalValuesWithoutVariance()
    {
        var bars = TestSeries.RandomWalk(40, 1);
        var m = Backtest.Run(bars, new MomentumTestSeed(), [50], new BacktestOptions()).Metrics; // never leaves warm-up
        Assert.Equal((0.0, 3.0), (m.Skewness, m.Kurtosis));
    }
}
