using Microsoft.Extensions.Time.Testing;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Retry;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Resilience.Disaster;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Resilience.Disaster;

public sealed class DisasterModeControllerTests
{
    private static readonly ExchangeRetryOptions NoRetry = new() { MaxRetryAttempts = 1 };

    [Fact]
    public async Task ProbeOnce_VenueUnreachableBeyondLimit_EngagesRefusesOrdersThenReconcilesAndResumes()
    {
        using var h = new ExecutionHarness(retry: NoRetry);
        await h.StartAsync();
        h.Bar(100m, 101m, 99m, 100m);
        var resting = await h.Submit(OrderSide.Buy, OrderType.Limit, 0.5m, limit: 95m);
        h.Pump();
        Assert.Equal(OrderState.Accepted, h.Manager.Find(resting.ClientOrderId)!.State);
        var alerts = new RecordingAlertPublisher();
        var time = new FakeTimeProvider(ExecutionHarness.Start);
        var controller = new DisasterModeController("exchange", () => [new DisasterTarget("BTC", h.Venue, h.Manager)], new DisasterModeOptions { FailureLimit = 3 }, time, alerts);

        Assert.False((await controller.ProbeOnceAsync(CancellationToken.None)).Engaged);
        h.Venue.Unreachable = true;
        Assert.Equal(1, (await controller.ProbeOnceAsync(CancellationToken.None)).ConsecutiveFailures);
        Assert.False((await controller.ProbeOnceAsync(CancellationToken.None)).Engaged); // 2 of 3
        var engaged = await controller.ProbeOnceAsync(CancellationToken.None);
        Assert.True(engaged.Engaged);
        Assert.Equal(3, engaged.ConsecutiveFailures);
        Assert.Equal(0, engaged.CancelledOnEngage);
        Assert.Equal(1, engaged.NotCancelledOnEngage); // the cancel could not reach the venue
        var emergency = Assert.Single(alerts.Alerts);
        Assert.Equal(AlertLevel.Emergency, emergency.Level);
        Assert.Contains("venue unreachable", emergency.Body, StringComparison.Ordinal);

        var refused = await h.Submit(OrderSide.Buy, OrderType.Market, 0.1m);
        Assert.Equal(OrderState.Rejected, refused.State);
        Assert.Contains("rule suspended", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("disaster mode: venue unreachable", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, h.Venue.Placements.GetValueOrDefault(refused.ClientOrderId)); // never sent

        // while unreachable the market trades through the resting bid: the fill happens at the venue, we miss it
        h.Bar(96m, 97m, 94m, 95m);
        Assert.True((await controller.ProbeOnceAsync(CancellationToken.None)).Engaged);
        h.Venue.Unreachable = false;
        var recovered = await controller.ProbeOnceAsync(CancellationToken.None);
        Assert.False(recovered.Engaged);
        Assert.Equal(1, recovered.ReconciledOnRecovery);
        Assert.Equal(0, recovered.PositionDiscrepancies);
        Assert.Equal(OrderState.Filled, h.Manager.Find(resting.ClientOrderId)!.State); // the missed fill was applied
        Assert.Equal(0.5m, h.Manager.Positions.QuantityOf("BTC"));
        Assert.Equal(h.Venue.PositionOf("BTC"), h.Manager.Positions.QuantityOf("BTC"));
        Assert.Null(h.Manager.SuspendedReason);
        Assert.Equal(AlertLevel.Informational, alerts.Alerts[^1].Level);
        Assert.Contains("trading resumed", alerts.Alerts[^1].Body, StringComparison.Ordinal);

        var after = await h.Submit(OrderSide.Sell, OrderType.Market, 0.5m, reduceOnly: true);
        Assert.NotEqual(OrderState.Rejected, after.State);
        Assert.Contains(h.Journal.ReadAll(), e => e.Kind == JournalEntryKind.Denied && e.ClientOrderId == refused.ClientOrderId);
    }

    [Fact]
    public async Task ProbeOnce_CancellableOrdersWhileQueriesFail_AreCancelledOnEngage()
    {
        using var h = new ExecutionHarness(retry: NoRetry, wrap: v => new QueryOutageVenue((SimulatedVenue)v));
        await h.StartAsync();
        h.Bar(100m, 101m, 99m, 100m);
        var a = await h.Submit(OrderSide.Buy, OrderType.Limit, 0.2m, limit: 90m);
        var b = await h.Submit(OrderSide.Sell, OrderType.Limit, 0.2m, limit: 110m);
        h.Pump();
        var outage = (QueryOutageVenue)h.Adapter;
        outage.QueriesFail = true;
        var alerts = new RecordingAlertPublisher();
        var controller = new DisasterModeController("exchange", () => [new DisasterTarget("BTC", h.Adapter, h.Manager)], new DisasterModeOptions { FailureLimit = 1 }, new FakeTimeProvider(ExecutionHarness.Start), alerts);
        var s = await controller.ProbeOnceAsync(CancellationToken.None);
        Assert.True(s.Engaged);
        Assert.Equal(2, s.CancelledOnEngage);
        h.Pump();
        Assert.Equal(OrderState.Canceled, h.Manager.Find(a.ClientOrderId)!.State);
        Assert.Equal(OrderState.Canceled, h.Manager.Find(b.ClientOrderId)!.State);
        Assert.Empty(await h.Venue.GetOpenOrdersAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task ProbeOnce_UnreachableLongerThanLimit_EngagesBeforeFailureCount()
    {
        using var h = new ExecutionHarness(retry: NoRetry);
        await h.StartAsync();
        var time = new FakeTimeProvider(ExecutionHarness.Start);
        var controller = new DisasterModeController("exchange", () => [new DisasterTarget("BTC", h.Venue, h.Manager)], new DisasterModeOptions { FailureLimit = 100, UnreachableAfter = TimeSpan.FromSeconds(5) }, time, new RecordingAlertPublisher());
        h.Venue.Unreachable = true;
        Assert.False((await controller.ProbeOnceAsync(CancellationToken.None)).Engaged);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False((await controller.ProbeOnceAsync(CancellationToken.None)).Engaged);
        time.Advance(TimeSpan.FromSeconds(1));
        var s = await controller.ProbeOnceAsync(CancellationToken.None);
        Assert.True(s.Engaged);
        Assert.Equal(3, s.ConsecutiveFailures);
        Assert.Contains("DISASTER MODE", s.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeOnce_FailuresBelowLimitThenSuccess_ResetsStreak()
    {
        using var h = new ExecutionHarness(retry: NoRetry);
        await h.StartAsync();
        var controller = new DisasterModeController("exchange", () => [new DisasterTarget("BTC", h.Venue, h.Manager)], new DisasterModeOptions { FailureLimit = 3 }, new FakeTimeProvider(ExecutionHarness.Start), new RecordingAlertPublisher());
        h.Venue.Unreachable = true;
        await controller.ProbeOnceAsync(CancellationToken.None);
        await controller.ProbeOnceAsync(CancellationToken.None);
        h.Venue.Unreachable = false;
        var s = await controller.ProbeOnceAsync(CancellationToken.None);
        Assert.Equal(0, s.ConsecutiveFailures);
        Assert.Null(s.UnreachableSince);
        h.Venue.Unreachable = true;
        await controller.ProbeOnceAsync(CancellationToken.None);
        Assert.False((await controller.ProbeOnceAsync(CancellationToken.None)).Engaged);
    }

    [Fact]
    public async Task ReportFailure_ReachableVenue_EngagesAtOnceOnlyOnce_ThenTheNextProbeRecovers()
    {
        using var h = new ExecutionHarness(retry: NoRetry);
        await h.StartAsync();
        var alerts = new RecordingAlertPublisher();
        var controller = new DisasterModeController("exchange", () => [new DisasterTarget("BTC", h.Venue, h.Manager)], new DisasterModeOptions { FailureLimit = 3 }, new FakeTimeProvider(ExecutionHarness.Start), alerts);
        await controller.ReportFailureAsync("live loop: venue stream failed: socket closed", CancellationToken.None);
        await controller.ReportFailureAsync("live loop: venue stream failed again", CancellationToken.None);
        Assert.True(controller.Engaged);
        Assert.Equal(1, controller.Status.Engagements);
        Assert.Contains("venue stream failed", h.Manager.SuspendedReason, StringComparison.Ordinal);
        Assert.Equal(AlertLevel.Emergency, Assert.Single(alerts.Alerts).Level);

        var s = await controller.ProbeOnceAsync(CancellationToken.None);
        Assert.False(s.Engaged);
        Assert.Null(h.Manager.SuspendedReason);
        Assert.Equal(AlertLevel.Informational, alerts.Alerts[^1].Level);
    }

    /// <summary>A venue whose queries time out while commands still go through (a half-broken API gateway).</summary>
    private sealed class QueryOutageVenue(SimulatedVenue inner) : IExchangeAdapter
    {
        public bool QueriesFail { get; set; }

        public string VenueId => inner.VenueId;

        public ValueTask<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) => inner.GetInstrumentsAsync(cancellationToken);

        public ValueTask<IReadOnlyList<Balance>> GetBalancesAsync(CancellationToken cancellationToken) => inner.GetBalancesAsync(cancellationToken);

        public ValueTask<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

        public ValueTask<IReadOnlyList<VenueOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken) =>
            QueriesFail ? ValueTask.FromException<IReadOnlyList<VenueOrder>>(new ExchangeException(ExchangeErrorKind.Timeout, "open orders: gateway timeout")) : inner.GetOpenOrdersAsync(symbol, cancellationToken);

        public ValueTask<OrderAck> PlaceOrderAsync(SubmitOrder order, CancellationToken cancellationToken) => inner.PlaceOrderAsync(order, cancellationToken);

        public ValueTask CancelOrderAsync(CancelOrder cancel, CancellationToken cancellationToken) => inner.CancelOrderAsync(cancel, cancellationToken);

        public ValueTask ModifyOrderAsync(ModifyOrder modify, CancellationToken cancellationToken) => inner.ModifyOrderAsync(modify, cancellationToken);

        public ValueTask<VenueOrder?> GetOrderByClientIdAsync(string symbol, string clientOrderId, CancellationToken cancellationToken) => inner.GetOrderByClientIdAsync(symbol, clientOrderId, cancellationToken);

        public ValueTask<IReadOnlyList<OrderFilled>> GetFillsAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.GetFillsAsync(since, cancellationToken);

        public IAsyncEnumerable<ExecutionEvent> StreamExecutionEventsAsync(CancellationToken cancellationToken) => inner.StreamExecutionEventsAsync(cancellationToken);

        public ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(string symbol, Sdk.Data.BarInterval interval, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            inner.GetCandlesAsync(symbol, interval, from, to, cancellationToken);

        public IAsyncEnumerable<MarketDataEvent> StreamMarketDataAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken) => inner.StreamMarketDataAsync(symbols, cancellationToken);
    }
}
