using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Paper;

public sealed class PaperKernelAgreementTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Replay_ZeroSlippage_FillsAgreeWithTheBacktestKernel(int lookback)
    {
        var bars = PaperSeries.RandomWalk(600, seed: 11 + lookback);
        var seed = new MomentumTestSeed();
        var kernel = Backtest.Run(bars, seed, [lookback], new BacktestOptions { Sizing = SizingMode.FixedUnits, Units = 2, FeeBps = 4.5, SlippageBps = 0 });
        var options = new PaperOptions
        {
            Sizing = PaperSizing.FixedUnits,
            Units = 2m,
            TakerFeeRate = 0.00045m,
            SlippageBps = 0,
            ImpactBps = 0,
            ParticipationCap = 1m,
        };
        var session = await PaperReplayEngine.RunAsync("v", bars, [new PaperStrategy("m", seed, [lookback])], options, null, null, null, CancellationToken.None);
        var replay = Assert.Single(session.Strategies);

        Assert.True(kernel.Trades.Count > 20, $"only {kernel.Trades.Count} kernel trades");
        Assert.Equal(kernel.Trades.Count, replay.Trades.Count);
        for (var i = 0; i < kernel.Trades.Count; i++)
        {
            var k = kernel.Trades[i];
            var p = replay.Trades[i];
            Assert.Equal((k.EntryBar, k.ExitBar), (p.EntryBar, p.ExitBar));
            Assert.Equal(k.EntryPrice, (double)p.EntryPrice, 1e-9);
            Assert.Equal(k.ExitPrice, (double)p.ExitPrice, 1e-9);
            Assert.Equal(k.Units, (double)p.Quantity, 1e-12);
            Assert.Equal(k.Pnl, (double)p.Pnl, 1e-6);
        }

        var report = PaperValidator.Compare(kernel.Trades, replay);
        Assert.Equal(kernel.Trades.Count, report.Matched);
        Assert.InRange(Math.Abs(report.PnlDifference), 0m, 1e-5m);
        Assert.Equal(kernel.Metrics.FinalEquity, (double)replay.FinalEquity, 1e-5);
    }

    [Fact]
    public async Task Validator_SlippageInReplay_AttributesTheDifferenceToPrices()
    {
        var bars = PaperSeries.RandomWalk(400, seed: 3);
        var seed = new MomentumTestSeed();
        var kernel = Backtest.Run(bars, seed, [2], new BacktestOptions { Sizing = SizingMode.FixedUnits, Units = 1, FeeBps = 4.5 });
        var options = new PaperOptions { Sizing = PaperSizing.FixedUnits, TakerFeeRate = 0.00045m, SlippageBps = 5m, ImpactBps = 0, ParticipationCap = 1m };
        var session = await PaperReplayEngine.RunAsync("v", bars, [new PaperStrategy("m", seed, [2])], options, null, null, null, CancellationToken.None);

        var report = PaperValidator.Compare(kernel.Trades, session.Strategies[0]);

        Assert.Equal(kernel.Trades.Count, report.Matched);
        Assert.True(report.PnlDifference < 0, "5 bps of slippage costs money");
        Assert.True(report.PriceEffect < 0);
        Assert.Equal(0m, report.QuantityEffect);
        Assert.InRange(Math.Abs(report.Residual), 0m, 1e-4m);
        Assert.Equal(report.PnlDifference, report.FeesEffect + report.PriceEffect + report.QuantityEffect + report.UnmatchedEffect + report.Residual);
    }
}
