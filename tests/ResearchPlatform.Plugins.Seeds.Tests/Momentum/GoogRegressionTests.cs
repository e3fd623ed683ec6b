using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Plugins.Seeds.Momentum;
using ResearchPlatform.Plugins.Seeds.Tests.TestSupport;
using Xunit.Abstractions;

namespace ResearchPlatform.Plugins.Seeds.Tests.Momentum;

/// <summary>
/// backtesting.py 0.6.6 test_compute_stats on GOOG.csv: SMA(10)/SMA(30) cross, close-then-reverse, next-open fills,
/// whole units from all cash, no costs, cash 10,000, open trade closed at the last bar's open.
/// </summary>
public sealed class GoogRegressionTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_GoogSmaCross_ReproducesBacktestingPyStatistics()
    {
        var path = TestData.File("reference/GOOG.csv", output);
        if (path is null)
        {
            return;
        }

        var bars = TestBars.ReadPandasCsv(path, "GOOG");
        var options = new BacktestOptions
        {
            Fill = FillMode.NextOpen,
            Sizing = SizingMode.WholeUnits,
            Direction = TradeDirection.LongShort,
            ExitAtEnd = EndOfDataMode.LastOpen,
            FeeBps = 0,
            InitialCash = 10_000,
        };
        var result = Backtest.Run(bars, new MomentumSeed(), [0, 0, 10, 30], options);
        var m = result.Metrics;
        output.WriteLine($"trades {m.Trades} final {m.FinalEquity} return {m.TotalReturnPct} dd {m.MaxDrawdownPct} win {m.WinRatePct}");
        Assert.Equal(66, m.Trades);
        Assert.Equal(51_422.99, m.FinalEquity, 0.005);
        Assert.Equal(414.23, m.TotalReturnPct, 0.005);
        Assert.Equal(-47.98, m.MaxDrawdownPct, 0.005);
        Assert.Equal(46.97, m.WinRatePct, 0.005);
        Assert.Equal(252, m.BarsPerYear);
    }
}
