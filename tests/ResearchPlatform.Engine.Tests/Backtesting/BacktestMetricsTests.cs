using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Backtesting;

/// <summary>Every metric recomputed independently from the equity curve and the trade list (docs/backtesting.md formulas).</summary>
public sealed class BacktestMetricsTests
{
    [Theory]
    [InlineData(FillMode.NextOpen, 1)]
    [InlineData(FillMode.Close, 2)]
    [InlineData(FillMode.NextOpen, 3)]
    public void Run_RandomTargets_MetricsMatchIndependentFormulas(FillMode fill, int seed)
    {
        var bars = TestSeries.RandomWalk(2_000, seed);
        var targets = TestSeries.RandomScripts(1, bars.Count, seed + 100)[0];
        var options = new BacktestOptions { Fill = fill, FeeBps = 5, SlippageBps = 2 };
        var r = Backtest.Run(bars, new ScriptedSeed(targets), [0], options);
        var m = r.Metrics;
        var e = r.Equity.ToArray();
        var n = e.Length;
        var cash0 = options.InitialCash;
        var returns = e.Select((v, i) => (v / (i == 0 ? cash0 : e[i - 1])) - 1).ToArray();
        var mean = returns.Average();
        var std = Math.Sqrt(returns.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var downside = Math.Sqrt(returns.Sum(x => Math.Min(x, 0) * Math.Min(x, 0)) / n);
        var bpy = 365.0 * 24;
        Assert.Equal(bpy, m.BarsPerYear);
        Assert.Equal(e[^1], m.FinalEquity, 1e-9);
        Assert.Equal(((e[^1] / cash0) - 1) * 100, m.TotalReturnPct, 1e-9);
        Assert.Equal((Math.Pow(e[^1] / cash0, bpy / n) - 1) * 100, m.CagrPct, 1e-7);
        Assert.Equal(std * Math.Sqrt(bpy) * 100, m.VolatilityAnnPct, 1e-7);
        Assert.Equal(mean / std * Math.Sqrt(bpy), m.Sharpe, 1e-7);
        Assert.Equal(mean / downside * Math.Sqrt(bpy), m.Sortino, 1e-7);

        double peak = cash0, worst = 0;
        int peakBar = 0, longest = 0;
        for (var i = 0; i < n; i++)
        {
            longest = Math.Max(longest, i - peakBar);
            if (e[i] >= peak)
            {
                peak = e[i];
                peakBar = i;
            }

            worst = Math.Min(worst, (e[i] / peak) - 1);
        }

        Assert.Equal(worst * 100, m.MaxDrawdownPct, 1e-9);
        Assert.Equal(longest, m.MaxDrawdownDurationBars);
        Assert.Equal(m.CagrPct / -m.MaxDrawdownPct, m.Calmar, 1e-9);

        var trades = r.Trades;
        Assert.True(trades.Count > 10);
        Assert.Equal(trades.Count, m.Trades);
        Assert.Equal(100.0 * trades.Count(t => t.Pnl > 0) / trades.Count, m.WinRatePct, 1e-9);
        Assert.Equal(trades.Where(t => t.Pnl > 0).Sum(t => t.Pnl) / -trades.Where(t => t.Pnl < 0).Sum(t => t.Pnl), m.ProfitFactor, 1e-9);
        Assert.Equal(trades.Average(t => t.ReturnPct), m.ExpectancyPct, 1e-9);
        Assert.Equal(trades.Max(t => t.ReturnPct), m.BestTradePct, 1e-9);
        Assert.Equal(trades.Min(t => t.ReturnPct), m.WorstTradePct, 1e-9);
        Assert.Equal(trades.Average(t => t.Pnl), m.AvgTradePnl, 1e-7);
        Assert.Equal(trades.Average(t => (double)t.HoldingBars), m.AvgHoldingBars, 1e-9);
        Assert.Equal(100.0 * trades.Sum(t => t.HoldingBars) / n, m.ExposurePct, 1e-9);
        Assert.Equal(trades.Sum(t => t.Fees), m.FeesPaid, 1e-6);
        var notional = trades.Sum(t => Math.Abs(t.Units) * (t.EntryPrice + t.ExitPrice));
        Assert.Equal(notional / cash0, m.Turnover, 1e-9);

        // cash bookkeeping: final equity = initial cash + Σ trade PnL (everything closed at the end)
        Assert.Equal(cash0 + trades.Sum(t => t.Pnl), m.FinalEquity, 1e-6);
    }

    [Fact]
    public void Run_TradesStatistics_SkipsPerBarStatisticsOnly()
    {
        var bars = TestSeries.RandomWalk(1_000, 5);
        var targets = TestSeries.RandomScripts(1, bars.Count, 6)[0];
        var full = Backtest.Run(bars, new ScriptedSeed(targets), [0], new BacktestOptions()).Metrics;
        var lean = Backtest.Run(bars, new ScriptedSeed(targets), [0], new BacktestOptions { Statistics = StatisticsLevel.Trades }).Metrics;
        Assert.True(double.IsNaN(lean.Sharpe) && double.IsNaN(lean.MaxDrawdownPct) && double.IsNaN(lean.VolatilityAnnPct));
        Assert.Equal(full with { VolatilityAnnPct = 0, Sharpe = 0, Sortino = 0, Calmar = 0, MaxDrawdownPct = 0, MaxDrawdownDurationBars = 0, Skewness = 0, Kurtosis = 0 },
            lean with { VolatilityAnnPct = 0, Sharpe = 0, Sortino = 0, Calmar = 0, MaxDrawdownPct = 0, MaxDrawdownDurationBars = 0, Skewness = 0, Kurtosis = 0 });
    }
}
