using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Paper;

/// <summary>
/// The genome's trailing stop as an emulated venue order: the paper replay's stop order is modified bar after bar as
/// the best price moves (journaled), fills where the kernel's trailing stop exits (inside the bar at the level, at the
/// open on a gap), and a journal replay restores the current level.
/// </summary>
public sealed class PaperTrailingStopTests
{
    // (open, high, low, close) by hand; the trail is 5 %, the stop-loss 10 % (the trail is the tighter level)
    private static readonly (double O, double H, double L, double C)[] HandBars =
    [
        (100, 100, 100, 100), // 0: target long -> entry at bar 1's open
        (100, 104, 99, 103), // 1: entry 100, stop 95; after the bar: 104 x 0.95 = 98.8
        (103, 110, 100, 108), // 2: low 100 > 98.8; after: 110 x 0.95 = 104.5
        (108, 109, 106, 107), // 3: 109 x 0.95 = 103.55 < 104.5: the level does not loosen
        (106, 107, 104, 105), // 4: low 104 <= 104.5: exit at 104.5 (trailing stop inside the bar)
        (105, 105, 105, 105), // 5: target 0
        (105, 105, 105, 105), // 6: target long again -> entry at bar 7's open
        (100, 103, 99, 102), // 7: entry 100, stop 95; after: 103 x 0.95 = 97.85
        (96, 97, 95, 96), // 8: opens at 96 below 97.85: exit at the open (gap through the level)
        (96, 96, 96, 96), // 9: target short -> entry at bar 10's open
        (100, 101, 97, 98), // 10: short entry 100, stop 105; after: 97 x 1.05 = 101.85
        (98, 99, 95, 96), // 11: high 99 < 101.85; after: 95 x 1.05 = 99.75
        (97, 100, 96, 99), // 12: high 100 >= 99.75: exit at 99.75
        (99, 99, 99, 99), // 13: end
    ];

    private static readonly double[] HandTargets = [1, 1, 1, 1, 1, 0, 1, 1, 1, -1, -1, -1, -1, -1];

    [Fact]
    public async Task Replay_HandBuiltBars_TrailingLevelFollowsTheBestPriceAndFillsLikeTheKernel()
    {
        var bars = PaperSeries.Ohlc(HandBars);
        var seed = new ScriptedSeed(HandTargets);
        var journal = new MemoryOrderJournal();

        var session = await PaperReplayEngine.RunAsync("t", bars, [new PaperStrategy("s", seed, [0])], StopsOnlyPaper.Options(0.10, 0, 0.05), _ => journal, null, null, CancellationToken.None);
        var kernel = Backtest.Run(bars, seed, [0], StopsOnlyPaper.Kernel(0.10, 0, 0.05));
        var replay = Assert.Single(session.Strategies);

        Assert.Equal([104.5, 96, 99.75], kernel.Trades.Select(t => t.ExitPrice));
        Assert.All(kernel.Trades, t => Assert.Equal(ExitReason.TrailingStop, t.Reason));
        Assert.Equal([(1, 4, 104.5m), (7, 8, 96m), (10, 12, 99.75m)], replay.Trades.Select(t => (t.EntryBar, t.ExitBar, t.ExitPrice)));
        Assert.Equal([100m, 100m, 100m], replay.Trades.Select(t => t.EntryPrice));
        Assert.Equal(kernel.Trades.Select(t => Math.Round(t.Pnl, 6)), replay.Trades.Select(t => Math.Round((double)t.Pnl, 6)));

        var stops = replay.Orders.Where(o => o.Order.Type == OrderType.Stop).ToList();
        Assert.Equal(3, stops.Count);
        Assert.All(stops, o => Assert.Equal(OrderState.Filled, o.State));
        // every move is journaled: the venue's modified entries carry the new trigger
        var moves = journal.ReadAll().Where(e => e.Kind == JournalEntryKind.Modified).GroupBy(e => e.ClientOrderId)
            .Select(g => g.Select(e => e.TriggerPrice!.Value).ToArray()).ToList();
        Assert.Equal([[98.8m, 104.5m], [97.85m], [101.85m, 99.75m]], moves);
        Assert.Equal([95m, 95m, 105m], journal.ReadAll().Where(e => e.Kind == JournalEntryKind.Submitted && e.Order!.Type == OrderType.Stop).Select(e => e.Order!.TriggerPrice!.Value));
        Assert.True(replay.Reconciliation!.Agrees, string.Join("; ", replay.Reconciliation.Problems));
    }

    [Fact]
    public async Task Replay_TrailingOff_StopStaysAtTheStopLoss()
    {
        var bars = PaperSeries.Ohlc(HandBars);
        var session = await PaperReplayEngine.RunAsync("t", bars, [new PaperStrategy("s", new ScriptedSeed(HandTargets), [0])], StopsOnlyPaper.Options(0.10, 0, 0.05) with { TrailingStops = false }, null, null, null, CancellationToken.None);

        var stops = session.Strategies[0].Orders.Where(o => o.Order.Type == OrderType.Stop).ToList();
        Assert.All(stops, o => Assert.Equal(o.Order.Side == OrderSide.Sell ? 90m : 110m, o.Order.TriggerPrice));
        Assert.DoesNotContain(stops, o => o.FilledQuantity > 0);
    }

    [Theory]
    [InlineData(0.02, 0.0, 0.006)]
    [InlineData(0.008, 0.015, 0.012)]
    public async Task Replay_TrailingStops_TradesAgreeWithTheKernelsTrailingStop(double stopLoss, double takeProfit, double trail)
    {
        var bars = PaperSeries.WickedWalk(800, seed: 33);
        var seed = new MomentumTestSeed();
        var kernel = Backtest.Run(bars, seed, [8], StopsOnlyPaper.Kernel(stopLoss, takeProfit, trail));
        var session = await PaperReplayEngine.RunAsync("v", bars, [new PaperStrategy("m", seed, [8])], StopsOnlyPaper.Options(stopLoss, takeProfit, trail), null, null, null, CancellationToken.None);
        var replay = Assert.Single(session.Strategies);

        Assert.True(kernel.Trades.Count(t => t.Reason == ExitReason.TrailingStop) >= 5, $"{kernel.Trades.Count(t => t.Reason == ExitReason.TrailingStop)} trailing exits");
        Assert.Contains(kernel.Trades, t => t.Reason == ExitReason.TrailingStop && t.ExitBar > t.EntryBar + 1 && t.ExitPrice == bars.Open[t.ExitBar]); // gap
        StopsOnlyPaper.AssertSameTrades(kernel.Trades, replay.Trades);

        var protective = replay.Orders.Where(o => o.Order.Type is OrderType.Stop or OrderType.TakeProfit).ToList();
        Assert.Equal(kernel.Trades.Count(t => t.Reason is ExitReason.StopLoss or ExitReason.TakeProfit or ExitReason.TrailingStop), protective.Count(o => o.FilledQuantity > 0));
        var validation = PaperValidator.Compare(kernel.Trades, replay);
        Assert.Equal((kernel.Trades.Count, kernel.Trades.Count, kernel.Trades.Count, 0m), (validation.KernelTrades, validation.ReplayTrades, validation.Matched, validation.UnmatchedEffect));
        Assert.True(replay.Reconciliation!.Agrees, string.Join("; ", replay.Reconciliation.Problems));
    }

    [Fact]
    public async Task JournalReplay_RestoresTheCurrentLevel_AndTheLevelNeverLoosens()
    {
        using var h = new ExecutionHarness();
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        await h.Submit(OrderSide.Buy, OrderType.Market, 1m);
        h.Bar(100, 102, 99, 101);
        h.Pump();
        var stop = await h.Submit(OrderSide.Sell, OrderType.Stop, 1m, trigger: 95m, reduceOnly: true);
        var emulator = new TrailingStopEmulator(h.Manager);
        emulator.Track(stop.ClientOrderId, 0.05m);
        Assert.Equal(1, await emulator.OnPricesAsync("BTC", 110m, 100m, CancellationToken.None));
        h.Pump();
        Assert.Equal(104.5m, h.Manager.Find(stop.ClientOrderId)!.Order.TriggerPrice);
        Assert.Equal(104.5m, (await h.Venue.GetOpenOrdersAsync("BTC", CancellationToken.None)).Single().TriggerPrice);

        // crash: a new manager over the same journal and venue
        var manager = await h.RestartAsync();
        Assert.Equal(104.5m, manager.Find(stop.ClientOrderId)!.Order.TriggerPrice);
        var restored = new TrailingStopEmulator(manager);
        restored.Track(stop.ClientOrderId, 0.05m);
        Assert.Equal(0, await restored.OnPricesAsync("BTC", 108m, 105m, CancellationToken.None)); // 108 x 0.95 = 102.6 would loosen
        Assert.Equal(1, await restored.OnPricesAsync("BTC", 112m, 106m, CancellationToken.None));
        h.Pump();
        Assert.Equal(106.4m, manager.Find(stop.ClientOrderId)!.Order.TriggerPrice);

        h.Bar(107, 108, 106, 106.5m); // low 106 <= 106.4: filled at the level
        h.Pump();
        var filled = manager.Find(stop.ClientOrderId)!;
        Assert.Equal((OrderState.Filled, 106.4m), (filled.State, filled.AverageFillPrice));
        Assert.Equal(0m, manager.Positions.QuantityOf("BTC"));
        Assert.Equal(0, await restored.OnPricesAsync("BTC", 120m, 110m, CancellationToken.None));
        Assert.Empty(restored.Tracked);
    }

    [Fact]
    public void NextLevel_ShortStopMovesDownOnly()
    {
        var stop = new SubmitOrder("X", "BTC", OrderSide.Buy, OrderType.Stop, 1m, null, 105m, TimeInForce.Gtc, ReduceOnly: true);

        Assert.Equal(99.75m, TrailingStopEmulator.NextLevel(stop, 0.05m, 101m, 95m));
        Assert.Null(TrailingStopEmulator.NextLevel(stop, 0.05m, 101m, 100.5m)); // 105.525 would loosen
    }
}
