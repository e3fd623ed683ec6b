using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Journal;

public sealed class OrderManagerRecoveryTests
{
    private static string Summary(OrderManager m) => string.Join(
        "\n",
        m.Orders.Select(o => FormattableString.Invariant($"{o.ClientOrderId} {o.State} {o.FilledQuantity} {o.AverageFillPrice} {o.Fees} {o.ExchangeOrderId}")));

    [Fact]
    public async Task Restart_IntactJournal_RebuildsIdenticalStateWithoutSending()
    {
        using var h = new ExecutionHarness();
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        await h.Submit(OrderSide.Buy, OrderType.Market, 1m);
        var resting = await h.Submit(OrderSide.Buy, OrderType.Limit, 0.5m, limit: 90m);
        await h.Submit(OrderSide.Buy, OrderType.Limit, 0.001m, limit: 90m); // denied: notional 0.09
        h.Bar(101, 102, 99, 101);
        h.Pump();
        var before = Summary(h.Manager);
        var positionBefore = h.Manager.Positions.Snapshot("BTC");

        var m = await h.RestartAsync();

        Assert.Equal(before, Summary(m));
        Assert.Equal(positionBefore, m.Positions.Snapshot("BTC"));
        Assert.Equal(1, h.Venue.Placements[resting.ClientOrderId]);
        Assert.Equal(2, h.Venue.Placements.Count);
        var next = await h.Submit(OrderSide.Buy, OrderType.Limit, 0.5m, limit: 90m);
        Assert.Equal("O-00000004", next.ClientOrderId); // the id sequence continues after recovery
    }

    [Fact]
    public async Task Restart_TornLastLineAndMissedEvents_ReconcilesWithVenueNothingSentTwice()
    {
        using var h = new ExecutionHarness();
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        var a = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        var b = await h.Submit(OrderSide.Buy, OrderType.Market, 1m);
        h.Bar(100, 101, 99, 100); // B fills; A rests
        h.Pump();
        var c = await h.Submit(OrderSide.Sell, OrderType.Limit, 0.5m, limit: 104m); // journaled Submitted + Accepted
        h.Bar(99, 99, 94, 96); // A fills at the venue; the manager crashes before applying it

        var m = await h.RestartAsync(path =>
        {
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length - 20)]); // tear C's Accepted line
        });

        Assert.Equal(OrderState.Filled, m.Find(a.ClientOrderId)!.State);   // from the venue's fills
        Assert.Equal(OrderState.Filled, m.Find(b.ClientOrderId)!.State);   // from the journal
        Assert.Equal(OrderState.Accepted, m.Find(c.ClientOrderId)!.State); // from the venue's status
        Assert.All(h.Venue.Placements.Values, n => Assert.Equal(1, n));
        Assert.Equal(3, h.Venue.Placements.Count);

        h.Pump(); // the stream still carries A's fill: a duplicate now
        Assert.Equal(1m, m.Find(a.ClientOrderId)!.FilledQuantity);
        Assert.Equal(h.Venue.PositionOf("BTC"), m.Positions.QuantityOf("BTC"));
        Assert.Equal(2m, m.Positions.QuantityOf("BTC"));
        Assert.True(m.Stats.DuplicateEvents >= 1);
    }

    [Fact]
    public async Task Restart_SubmittedButNeverSent_SentExactlyOnce()
    {
        using var h = new ExecutionHarness();
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);

        await h.RestartAsync(path =>
        {
            using var j = new FileOrderJournal(path);
            j.Append(new JournalEntry(1, JournalEntryKind.Submitted, "O-00000001", h.Clock.GetUtcNow())
            {
                Order = new SubmitOrder("O-00000001", "BTC", OrderSide.Buy, OrderType.Limit, 1m, 95m),
                DecisionPrice = 100m,
                DecisionTime = h.Clock.GetUtcNow(),
                ArrivalPrice = 100m,
            });
        });

        Assert.Equal(OrderState.Accepted, h.Manager.Find("O-00000001")!.State);
        Assert.Equal(1, h.Venue.Placements["O-00000001"]);
        Assert.Equal(1, h.Manager.Stats.Resubmitted);

        await h.RestartAsync();
        Assert.Equal(1, h.Venue.Placements["O-00000001"]); // a second restart does not send again
        Assert.Equal(OrderState.Accepted, h.Manager.Find("O-00000001")!.State);
    }
}
