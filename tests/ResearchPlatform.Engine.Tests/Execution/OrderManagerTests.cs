using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Validation;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution;

public sealed class OrderManagerTests
{
    private static readonly DateTimeOffset T = ExecutionHarness.Start;

    private sealed class MaxQuantityRisk(decimal max) : IOrderRiskCheck
    {
        public RiskVerdict Evaluate(SubmitOrder order, decimal referencePrice, decimal currentPosition) =>
            order.Quantity <= max ? RiskVerdict.Approve : RiskVerdict.Deny($"max-order-size {max}");
    }

    private static async Task<ExecutionHarness> Started(IOrderRiskCheck? risk = null)
    {
        var h = new ExecutionHarness(risk: risk);
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        return h;
    }

    [Fact]
    public async Task Submit_ValidLimit_JournaledBeforeSendThenAccepted()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);

        Assert.Equal(("O-00000001", OrderState.Accepted), (s.ClientOrderId, s.State));
        var kinds = h.Journal.ReadAll().Select(e => e.Kind).ToList();
        Assert.Equal([JournalEntryKind.Submitted, JournalEntryKind.Accepted], kinds);
        Assert.Equal(1, h.Venue.Placements["O-00000001"]);
        Assert.Equal("X-00000001", h.Manager.Find(s.ClientOrderId)!.ExchangeOrderId);
    }

    [Fact]
    public async Task Submit_RuleBroken_DeniedJournaledNeverSent()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 0.0015m, limit: 95m);

        Assert.Equal(OrderState.Rejected, s.State);
        Assert.StartsWith("order O-00000001: rule quantity-lot:", s.Reason, StringComparison.Ordinal);
        Assert.Equal(JournalEntryKind.Denied, Assert.Single(h.Journal.ReadAll()).Kind);
        Assert.Empty(h.Venue.Placements);
        Assert.Equal(1, h.Manager.Stats.Denied);
    }

    [Fact]
    public async Task Submit_RiskDenies_RejectedNamingRiskRule()
    {
        using var h = await Started(new MaxQuantityRisk(0.5m));
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        var ok = await h.Submit(OrderSide.Buy, OrderType.Limit, 0.5m, limit: 95m);

        Assert.Equal("order O-00000001: rule risk: max-order-size 0.5", s.Reason);
        Assert.Equal(OrderState.Accepted, ok.State);
        Assert.Equal(["O-00000002"], h.Venue.Placements.Keys);
    }

    [Fact]
    public async Task Cancel_Resting_PendingCancelThenCanceled()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);

        Assert.True(await h.Manager.CancelAsync(s.ClientOrderId, CancellationToken.None));
        Assert.Equal(OrderState.PendingCancel, h.Manager.Find(s.ClientOrderId)!.State);
        h.Pump();

        Assert.Equal(OrderState.Canceled, h.Manager.Find(s.ClientOrderId)!.State);
    }

    [Fact]
    public async Task Cancel_OrderFilledMeanwhile_LateFillWinsAndCancelIsRefused()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        h.Bar(96, 97, 94, 95); // fills at the venue; the manager has not seen the fill yet

        var canceled = await h.Manager.CancelAsync(s.ClientOrderId, CancellationToken.None);
        h.Pump();

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.False(canceled);
        Assert.Equal((OrderState.Filled, 1m), (o.State, o.FilledQuantity));
        Assert.Equal(1m, h.Manager.Positions.QuantityOf("BTC"));
        Assert.Equal(0, h.Manager.Stats.IllegalTransitions);
    }

    [Fact]
    public async Task Apply_FillWhilePendingCancel_FilledLegally()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        h.Pump();
        var o = h.Manager.Find(s.ClientOrderId)!;
        await h.Manager.CancelAsync(s.ClientOrderId, CancellationToken.None); // venue cancels, event queued
        h.Manager.Apply(Fill(s.ClientOrderId, "F-late", 1m));

        Assert.Equal(OrderState.Filled, o.State);
        h.Pump(); // the venue's OrderCanceled now arrives after Filled: illegal, counted, not applied
        Assert.Equal(OrderState.Filled, o.State);
        Assert.Equal(1, h.Manager.Stats.IllegalTransitions);
        var illegal = Assert.Single(h.Manager.IllegalTransitions);
        Assert.Equal((OrderState.Filled, OrderState.Canceled), (illegal.From, illegal.To));
        Assert.Contains(h.Log, l => l.Contains("illegal transition Filled -> Canceled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_FillAfterCanceled_RecordedAsLateFillStateKept()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        await h.Manager.CancelAsync(s.ClientOrderId, CancellationToken.None);
        h.Pump();

        var outcome = h.Manager.Apply(Fill(s.ClientOrderId, "F-race", 0.4m));

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.Equal(EntryOutcome.LateFill, outcome);
        Assert.Equal((OrderState.Canceled, 0.4m, 1), (o.State, o.FilledQuantity, o.LateFills));
        Assert.Equal(0.4m, h.Manager.Positions.QuantityOf("BTC"));
    }

    [Fact]
    public async Task Apply_DuplicateFill_AppliedOnce()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        h.Pump();

        Assert.Equal(EntryOutcome.Apply, h.Manager.Apply(Fill(s.ClientOrderId, "F-9", 0.3m)));
        Assert.Equal(EntryOutcome.Duplicate, h.Manager.Apply(Fill(s.ClientOrderId, "F-9", 0.3m)));

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.Equal((OrderState.PartiallyFilled, 0.3m), (o.State, o.FilledQuantity));
        Assert.Equal(0.3m, h.Manager.Positions.QuantityOf("BTC"));
    }

    [Fact]
    public async Task Apply_OverFill_IllegalNotApplied()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        h.Manager.Apply(Fill(s.ClientOrderId, "F-1", 1m));

        Assert.Equal(EntryOutcome.Illegal, h.Manager.Apply(Fill(s.ClientOrderId, "F-2", 0.5m)));
        Assert.Equal(1m, h.Manager.Find(s.ClientOrderId)!.FilledQuantity);
    }

    [Fact]
    public async Task Apply_UnknownOrder_CountedIgnored()
    {
        using var h = await Started();

        Assert.Equal(EntryOutcome.UnknownOrder, h.Manager.Apply(new OrderAccepted("nope", "X-1", T)));
        Assert.Equal(1, h.Manager.Stats.UnknownOrderEvents);
        Assert.Empty(h.Journal.ReadAll());
    }

    [Fact]
    public async Task Modify_Resting_NewPriceUsedForMatching()
    {
        using var h = await Started();
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 90m);

        Assert.True(await h.Manager.ModifyAsync(s.ClientOrderId, null, 96m, null, CancellationToken.None));
        Assert.Equal(OrderState.PendingModify, h.Manager.Find(s.ClientOrderId)!.State);
        h.Pump();
        Assert.Equal((OrderState.Accepted, 96m), (h.Manager.Find(s.ClientOrderId)!.State, h.Manager.Find(s.ClientOrderId)!.Order.LimitPrice!.Value));
        h.Bar(99, 99, 95, 96);
        h.Pump();

        Assert.Equal((OrderState.Filled, 96m), (h.Manager.Find(s.ClientOrderId)!.State, h.Manager.Find(s.ClientOrderId)!.AverageFillPrice!.Value));
    }

    [Fact]
    public async Task CheckPositions_Discrepancy_AlertsAndForceSyncAdoptsVenue()
    {
        using var h = await Started();
        await h.Submit(OrderSide.Buy, OrderType.Market, 1m);
        h.Bar(100, 101, 99, 100); // filled at the venue, events not applied yet

        var found = await h.Manager.CheckPositionsAsync(forceSync: true, CancellationToken.None);

        var d = Assert.Single(found);
        Assert.Equal(("BTC", 0m, 1m), (d.Symbol, d.Expected, d.Venue));
        Assert.Contains(h.Log, l => l.StartsWith("ALERT position BTC: expected 0, venue 1", StringComparison.Ordinal));
        Assert.Equal(1m, h.Manager.Positions.QuantityOf("BTC"));
        Assert.Empty(await h.Manager.CheckPositionsAsync(forceSync: false, CancellationToken.None));
    }

    private static OrderFilled Fill(string clientId, string fillId, decimal qty) =>
        new(clientId, "X-00000001", T, fillId, "BTC", OrderSide.Buy, 95m, qty, 0m, Liquidity.Maker);
}
