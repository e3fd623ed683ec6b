using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Retry;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Retry;

public sealed class OrderManagerRetryTests
{
    private static async Task<(ExecutionHarness H, ScriptedFaultVenue Faults)> Started(int maxRetries = 5)
    {
        ScriptedFaultVenue? scripted = null;
        var h = new ExecutionHarness(retry: new ExchangeRetryOptions { MaxRetryAttempts = maxRetries }, wrap: v => scripted = new ScriptedFaultVenue((ResearchPlatform.Engine.Execution.Simulated.SimulatedVenue)v));
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        return (h, scripted!);
    }

    private static ExchangeException TooMany(int seconds) => new(ExchangeErrorKind.RateLimited, "429", TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task Submit_429WithRetryAfter_WaitsAtLeastRetryAfterThenAccepted()
    {
        var (h, faults) = await Started();
        using var _ = h;
        faults.PlaceFaults.Enqueue(TooMany(2));
        faults.PlaceFaults.Enqueue(TooMany(3));
        var before = h.Clock.GetUtcNow();

        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);

        Assert.Equal(OrderState.Accepted, s.State);
        Assert.Equal(TimeSpan.FromSeconds(5), h.Clock.GetUtcNow() - before); // 2 s + 3 s, no latency in this harness
        Assert.Equal((3, 0), (faults.PlaceCalls, faults.StatusQueries)); // a 429 is unambiguous: no status query
        Assert.Equal(2, h.Manager.Stats.Retries);
        Assert.Equal(1, h.Venue.Placements[s.ClientOrderId]);
    }

    [Fact]
    public async Task Submit_DroppedAck_ResolvedByQueryNeverResent()
    {
        var (h, faults) = await Started();
        using var _ = h;
        faults.PlaceFaults.Enqueue(ScriptedFaultVenue.DropAck);

        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);

        Assert.Equal(OrderState.Accepted, s.State);
        Assert.Equal((1, 1), (faults.PlaceCalls, faults.StatusQueries));
        Assert.Equal(1, h.Manager.Stats.ResolvedByQuery);
        Assert.Equal(1, h.Venue.Placements[s.ClientOrderId]);
    }

    [Fact]
    public async Task Submit_TimeoutBeforeVenue_QueriesThenResendsOnce()
    {
        var (h, faults) = await Started();
        using var _ = h;
        faults.PlaceFaults.Enqueue(new ExchangeException(ExchangeErrorKind.Timeout, "lost"));

        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);

        Assert.Equal(OrderState.Accepted, s.State);
        Assert.Equal((2, 1), (faults.PlaceCalls, faults.StatusQueries));
        Assert.Equal(1, h.Venue.Placements[s.ClientOrderId]);
    }

    [Fact]
    public async Task Submit_ServerErrorsBeyondLimit_BoundedThenReconciliationSendsOnce()
    {
        var (h, faults) = await Started(maxRetries: 3);
        using var _ = h;
        for (var i = 0; i < 4; i++)
        {
            faults.PlaceFaults.Enqueue(new ExchangeException(ExchangeErrorKind.ServerError, "503"));
        }

        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);

        Assert.Equal(OrderState.Submitted, s.State);
        Assert.StartsWith("retries exhausted", s.Reason, StringComparison.Ordinal);
        Assert.Equal((4, 3), (faults.PlaceCalls, faults.StatusQueries)); // 1 try + 3 retries, each retry queries first
        Assert.Equal(3, h.Manager.Stats.MostRetriesForOneCall);
        Assert.True(h.Manager.Find(s.ClientOrderId)!.NeedsReconciliation);
        Assert.False(h.Venue.Placements.ContainsKey(s.ClientOrderId));

        await h.Manager.ReconcileAsync(CancellationToken.None);

        Assert.Equal(OrderState.Accepted, h.Manager.Find(s.ClientOrderId)!.State);
        Assert.Equal(1, h.Venue.Placements[s.ClientOrderId]);
        Assert.Equal(1, h.Manager.Stats.Resubmitted);
    }

    [Fact]
    public async Task Submit_VenueRefusal_NotRetried()
    {
        var (h, faults) = await Started();
        using var _ = h;
        faults.PlaceFaults.Enqueue(new ExchangeException(ExchangeErrorKind.Rejected, "insufficient margin"));

        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);

        Assert.Equal(OrderState.Rejected, s.State);
        Assert.Equal("order O-00000001: rule venue: Rejected: insufficient margin", s.Reason);
        Assert.Equal(1, faults.PlaceCalls);
    }

    [Fact]
    public async Task Cancel_DroppedAck_RetryRefusedButOrderEndsCanceled()
    {
        var (h, faults) = await Started();
        using var _ = h;
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        faults.CancelFaults.Enqueue(ScriptedFaultVenue.DropAck);

        await h.Manager.CancelAsync(s.ClientOrderId, CancellationToken.None);
        h.Pump();

        Assert.Equal(OrderState.Canceled, h.Manager.Find(s.ClientOrderId)!.State);
        Assert.Equal(0, h.Manager.Stats.IllegalTransitions);
    }

    [Fact]
    public async Task Cancel_NeverReachedVenueAfterExhaustedRetries_CanceledLocallyNeverSent()
    {
        var (h, faults) = await Started(maxRetries: 1);
        using var _ = h;
        faults.PlaceFaults.Enqueue(new ExchangeException(ExchangeErrorKind.Timeout, "lost"));
        faults.PlaceFaults.Enqueue(new ExchangeException(ExchangeErrorKind.Timeout, "lost"));
        var s = await h.Submit(OrderSide.Buy, OrderType.Limit, 1m, limit: 95m);
        Assert.Equal(OrderState.Submitted, s.State);

        Assert.True(await h.Manager.CancelAsync(s.ClientOrderId, CancellationToken.None));
        await h.Manager.ReconcileAsync(CancellationToken.None);

        var o = h.Manager.Find(s.ClientOrderId)!;
        Assert.Equal(OrderState.Canceled, o.State);
        Assert.Equal("canceled before the venue acknowledged it (venue: not found)", o.Reason);
        Assert.False(h.Venue.Placements.ContainsKey(s.ClientOrderId));
    }
}
