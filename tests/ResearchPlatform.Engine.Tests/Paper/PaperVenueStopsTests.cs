using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Paper;

/// <summary>
/// The risk genome's stop-loss / take-profit as reduce-only trigger orders at the simulated venue: the replay's trades
/// equal the backtest kernel's with the same stop levels (same bars, prices, units, PnL), including stops hit on the
/// entry bar and gaps through the level (filled at the open).
/// </summary>
public sealed class PaperVenueStopsTests
{
    [Theory]
    [InlineData(0.008, 0.0)]
    [InlineData(0.008, 0.012)]
    public async Task Replay_VenueStops_TradesAgreeWithTheKernelsStops(double stopLoss, double takeProfit)
    {
        var bars = PaperSeries.WickedWalk(800, seed: 21);
        var seed = new MomentumTestSeed();
        var kernel = Backtest.Run(bars, seed, [8], StopsOnlyPaper.Kernel(stopLoss, takeProfit));
        var session = await PaperReplayEngine.RunAsync("v", bars, [new PaperStrategy("m", seed, [8])], StopsOnlyPaper.Options(stopLoss, takeProfit), null, null, null, CancellationToken.None);
        var replay = Assert.Single(session.Strategies);

        Assert.Contains(kernel.Trades, t => t.Reason == ExitReason.StopLoss);
        Assert.Equal(takeProfit > 0, kernel.Trades.Any(t => t.Reason == ExitReason.TakeProfit));
        Assert.Contains(kernel.Trades, t => t.Reason == ExitReason.StopLoss && t.ExitBar == t.EntryBar);
        Assert.Contains(kernel.Trades, t => t.Reason is ExitReason.StopLoss or ExitReason.TakeProfit && t.ExitBar > t.EntryBar && t.ExitPrice == bars.Open[t.ExitBar]); // a gap through the level
        var diff = Enumerable.Range(0, Math.Min(kernel.Trades.Count, replay.Trades.Count)).FirstOrDefault(j => kernel.Trades[j].EntryBar != replay.Trades[j].EntryBar || kernel.Trades[j].ExitBar != replay.Trades[j].ExitBar, -1);
        Assert.True(diff < 0, diff < 0 ? "" : $"trade {diff}: kernel {kernel.Trades[diff]} / replay {replay.Trades[diff]}; next kernel {kernel.Trades[diff + 1]} / replay {replay.Trades[diff + 1]}");
        StopsOnlyPaper.AssertSameTrades(kernel.Trades, replay.Trades);

        var stops = replay.Orders.Where(o => o.Order.Type is OrderType.Stop or OrderType.TakeProfit).ToList();
        Assert.All(stops, o => Assert.True(o.Order.ReduceOnly));
        Assert.Equal(kernel.Trades.Count(t => t.Reason is ExitReason.StopLoss or ExitReason.TakeProfit), stops.Count(o => o.FilledQuantity > 0));
        Assert.True(replay.Reconciliation!.Agrees, string.Join("; ", replay.Reconciliation.Problems));
    }

    [Fact]
    public async Task Replay_WithoutVenueStops_PlacesNoTriggerOrders()
    {
        var bars = PaperSeries.WickedWalk(300, seed: 21);
        var seed = new MomentumTestSeed();

        var session = await PaperReplayEngine.RunAsync("v", bars, [new PaperStrategy("m", seed, [8])], StopsOnlyPaper.Options(0.01, 0.02, venueStops: false), null, null, null, CancellationToken.None);

        Assert.DoesNotContain(session.Strategies[0].Orders, o => o.Order.Type is OrderType.Stop or OrderType.TakeProfit);
    }
}
