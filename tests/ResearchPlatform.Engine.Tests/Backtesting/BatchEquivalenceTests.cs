using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Backtesting;

/// <summary>The batch path (8-lane groups, chunks, threads, many windows in one pass) equals the single path exactly.</summary>
public sealed class BatchEquivalenceTests
{
    public static TheoryData<string> Configs => ["default", "close-fixed", "stops-next-open", "stops-close-whole", "long-only-lastopen", "none-funding"];

    [Theory]
    [MemberData(nameof(Configs))]
    public void RunBatch_ManyStrategiesAndWindows_EqualsSingleRuns(string config)
    {
        var bars = TestSeries.RandomWalk(3_000, 11);
        var options = Options(config, bars.Count);
        const int strategies = 21; // not a multiple of 8: exercises a partial lane group
        var seed = new ScriptedSeed(TestSeries.RandomScripts(strategies, bars.Count, 12));
        var genes = Enumerable.Range(0, strategies).Select(i => (double)i).ToArray();
        BarRange[] windows = [new(0, 3_000), new(500, 1_500), new(1_000, 3_000), new(2_990, 3_000)];
        var batch1 = BacktestEngine.RunBatch(bars, seed, genes, strategies, options, windows, 1, default);
        var batch2 = BacktestEngine.RunBatch(bars, seed, genes, strategies, options, windows, 2, default);
        Assert.Equal(strategies * windows.Sum(w => (long)w.Length), batch1.Steps);
        for (var s = 0; s < strategies; s++)
        {
            for (var w = 0; w < windows.Length; w++)
            {
                var single = Backtest.Run(bars, seed, [s], options, windows[w]).Metrics;
                Assert.Equal(single, batch1.Get(s, w));
                Assert.Equal(single, batch2.Get(s, w));
            }
        }
    }

    [Fact]
    public void RunBatch_WindowStartsFlatWithInitialCash()
    {
        var bars = TestSeries.RandomWalk(400, 3);
        var always = Enumerable.Repeat(1.0, bars.Count).ToArray();
        var r = BacktestEngine.RunBatch(bars, new ScriptedSeed(always), [0], 1, new BacktestOptions { FeeBps = 0 }, [new BarRange(200, 400)], 1, default);
        var m = r.Get(0, 0);
        var units = 10_000 / bars.Open[201];
        Assert.Equal(units * bars.Close[399], m.FinalEquity, 1e-6);
        Assert.Equal(1, m.Trades);
    }

    private static BacktestOptions Options(string config, int bars) => config switch
    {
        "close-fixed" => new BacktestOptions { Fill = FillMode.Close, Sizing = SizingMode.FixedUnits, Units = 3, FeeBps = 10 },
        "stops-next-open" => new BacktestOptions { StopLossPct = 1.5, TakeProfitPct = 2.5, TrailingStopPct = 1, SlippageBps = 3 },
        "stops-close-whole" => new BacktestOptions { Fill = FillMode.Close, Sizing = SizingMode.WholeUnits, StopLossPct = 1, TrailingStopPct = 2, SlippageRangeFraction = 0.05 },
        "long-only-lastopen" => new BacktestOptions { Direction = TradeDirection.LongOnly, ExitAtEnd = EndOfDataMode.LastOpen },
        "none-funding" => new BacktestOptions { ExitAtEnd = EndOfDataMode.None, FundingRates = Enumerable.Range(0, bars).Select(i => i % 8 == 0 ? 0.0001 : 0).ToArray() },
        _ => new BacktestOptions(),
    };
}
