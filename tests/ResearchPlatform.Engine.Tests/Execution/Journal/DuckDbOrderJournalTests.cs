using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Journal;

public sealed class DuckDbOrderJournalTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReadAll_AfterAppends_ReturnsEqualEntriesInOrderAndAFillRow()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var journal = new DuckDbOrderJournal(db.Connection, "s/S1");
        var order = new SubmitOrder("O-00000001", "BTC", OrderSide.Buy, OrderType.Limit, 1.5m, 99.5m, null, TimeInForce.Gtc, false);
        var entries = new[]
        {
            new JournalEntry(1, JournalEntryKind.Submitted, "O-00000001", T0) { Order = order, DecisionPrice = 100m, DecisionTime = T0, ArrivalPrice = 100.1m },
            new JournalEntry(2, JournalEntryKind.Accepted, "O-00000001", T0.AddSeconds(1)) { ExchangeOrderId = "X-1" },
            new JournalEntry(3, JournalEntryKind.Filled, "O-00000001", T0.AddHours(1)) { FillId = "F-1", FillPrice = 99.5m, FillQuantity = 1.5m, Fee = 0.0223875m, Liquidity = Liquidity.Maker },
        };
        foreach (var e in entries)
        {
            journal.Append(e);
        }

        Assert.Equal(entries, new DuckDbOrderJournal(db.Connection, "s/S1").ReadAll());
        Assert.Empty(new DuckDbOrderJournal(db.Connection, "other").ReadAll());
        Assert.Equal(0.0223875m, db.Connection.Scalar("SELECT fee FROM order_fills WHERE journal_id = 's/S1' AND fill_id = 'F-1'"));
    }

    [Fact]
    public async Task Restart_FromDuckDbJournal_RebuildsStateReconcilesMissedFillAndSendsNothingTwice()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var clock = new SimulatedClock(T0);
        var venue = new SimulatedVenue(ExecutionHarness.DefaultVenue(), clock);
        var m1 = new OrderManager(venue, new DuckDbOrderJournal(db.Connection, "j"), new OrderManagerOptions(), clock);
        await m1.StartAsync(CancellationToken.None);
        Bar(venue, clock, 0, 100, 100, 100);
        var market = await m1.SubmitAsync(Request(OrderSide.Buy, OrderType.Market, 1m, clock), CancellationToken.None);
        var limit = await m1.SubmitAsync(Request(OrderSide.Buy, OrderType.Limit, 1m, clock) with { LimitPrice = 95m }, CancellationToken.None);
        Bar(venue, clock, 1, 101, 102, 99);
        Pump(venue, m1);
        Bar(venue, clock, 2, 99, 99, 94); // the limit fills at the venue; the process "crashes" before applying it
        var journalRows = db.Connection.Scalar("SELECT count(*) FROM order_journal WHERE journal_id = 'j'");

        var m2 = new OrderManager(venue, new DuckDbOrderJournal(db.Connection, "j"), new OrderManagerOptions(), clock);
        await m2.StartAsync(CancellationToken.None);

        Assert.Equal(OrderState.Filled, m2.Find(market.ClientOrderId)!.State);
        Assert.Equal(101m, m2.Find(market.ClientOrderId)!.AverageFillPrice);
        Assert.Equal(OrderState.Filled, m2.Find(limit.ClientOrderId)!.State);
        Assert.Equal(95m, m2.Find(limit.ClientOrderId)!.AverageFillPrice);
        Assert.Equal(2m, m2.Positions.QuantityOf("BTC"));
        Assert.Equal(venue.PositionOf("BTC"), m2.Positions.QuantityOf("BTC"));
        Assert.All(venue.Placements.Values, n => Assert.Equal(1, n));
        Assert.True((long)db.Connection.Scalar("SELECT count(*) FROM order_journal WHERE journal_id = 'j'")! > (long)journalRows!, "recovery appended the reconciled fill");
        var next = await m2.SubmitAsync(Request(OrderSide.Sell, OrderType.Market, 1m, clock), CancellationToken.None);
        Assert.Equal("O-00000003", next.ClientOrderId);
    }

    [Fact]
    public async Task Submit_VenueNeverReached_OrderIsInTheTableBeforeSendAndIsSentOnceAfterRestart()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var clock = new SimulatedClock(T0);
        var venue = new SimulatedVenue(ExecutionHarness.DefaultVenue(), clock);
        var faulty = new ScriptedFaultVenue(venue);
        for (var i = 0; i < 20; i++)
        {
            faulty.PlaceFaults.Enqueue(new ExchangeException(ExchangeErrorKind.Timeout, "lost (scripted)"));
        }

        var m1 = new OrderManager(faulty, new DuckDbOrderJournal(db.Connection, "w"), new OrderManagerOptions(), clock);
        await m1.StartAsync(CancellationToken.None);
        Bar(venue, clock, 0, 100, 100, 100);
        var sub = await m1.SubmitAsync(Request(OrderSide.Buy, OrderType.Market, 1m, clock), CancellationToken.None);

        Assert.Equal(OrderState.Submitted, sub.State);
        Assert.Null(venue.Peek(sub.ClientOrderId));
        Assert.Equal("submitted", db.Connection.Scalar("SELECT kind FROM order_journal WHERE journal_id = 'w' AND client_order_id = $c ORDER BY sequence LIMIT 1", ("c", sub.ClientOrderId)));

        var m2 = new OrderManager(venue, new DuckDbOrderJournal(db.Connection, "w"), new OrderManagerOptions(), clock);
        await m2.StartAsync(CancellationToken.None);

        Assert.Equal(OrderState.Accepted, m2.Find(sub.ClientOrderId)!.State);
        Assert.Equal(1, venue.Placements[sub.ClientOrderId]);
    }

    private static OrderRequest Request(OrderSide side, OrderType type, decimal quantity, SimulatedClock clock) =>
        new("BTC", side, type, quantity, 100m, clock.GetUtcNow());

    private static void Bar(SimulatedVenue venue, SimulatedClock clock, int i, decimal open, decimal high, decimal low)
    {
        clock.AdvanceTo(T0.AddHours(i));
        venue.ProcessCandle(new Candle("BTC", T0.AddHours(i), open, high, low, open, 1_000m));
    }

    private static void Pump(SimulatedVenue venue, OrderManager manager)
    {
        while (venue.TryReadEvent(out var e))
        {
            manager.Apply(e!);
        }
    }
}
