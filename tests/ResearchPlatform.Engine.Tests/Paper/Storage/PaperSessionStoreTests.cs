using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Storage;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Paper.Storage;

public sealed class PaperSessionStoreTests
{
    [Fact]
    public async Task Complete_AfterReplay_StoresOrdersJournalFillsAndResults()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var store = new PaperSessionStore(db, TimeProvider.System);
        var bars = PaperSeries.RandomWalk(300, seed: 5);
        PaperStrategy[] strategies = [new("a", new MomentumTestSeed(), [2]), new("b", new MomentumTestSeed(), [5])];
        var options = new PaperOptions { ParticipationCap = 1m };
        store.Begin("P1", "replay", bars.Symbol, "1h", "test", bars.TimeAt(0), bars.TimeAt(bars.Count - 1), bars.Count, strategies, options);

        var result = await PaperReplayEngine.RunAsync("P1", bars, strategies, options, i => store.JournalFor("P1", i), null, null, CancellationToken.None);
        store.Complete(result, "{}");

        var orders = store.ListOrders("P1", 10_000);
        Assert.Equal(result.Strategies.Sum(s => s.Orders.Count), orders.Count);
        var first = result.Strategies[0].Orders[0];
        var stored = store.FindOrder(first.ClientOrderId, "P1")!;
        Assert.Equal((first.State.ToString(), first.FilledQuantity, first.AverageFillPrice), (stored.State, stored.FilledQuantity, stored.AvgFillPrice));
        var journal = store.JournalOf("P1", first.ClientOrderId);
        Assert.Equal("submitted", journal[0].Kind);
        Assert.Contains(journal, r => r.Kind == "filled");
        var fills = result.Strategies.Sum(s => s.Orders.Sum(o => o.FilledQuantity > 0 ? 1 : 0));
        Assert.True((long)db.Connection.Scalar("SELECT count(*) FROM order_fills WHERE starts_with(journal_id, 'P1/')")! >= fills);
        Assert.Equal(2L, db.Connection.Scalar("SELECT count(*) FROM paper_results WHERE session_id = 'P1'"));
        Assert.Equal("completed", db.Connection.Scalar("SELECT status FROM paper_sessions WHERE session_id = 'P1'"));
        Assert.Equal(result.Strategies[1].FinalEquity, db.Connection.Scalar("SELECT final_equity FROM paper_results WHERE strategy = 'b'"));
    }
}
