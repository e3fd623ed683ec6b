using System.Diagnostics;
using ResearchPlatform.Hyperliquid.Venue;
using ResearchPlatform.Plugins.Hyperliquid.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Integration;

/// <summary>Client-side weight budget, 429 backoff and a fault profile (latency, 429, 5xx, dropped and reordered WebSocket).</summary>
public sealed class RateLimitAndFaultTests
{
    [Fact]
    public async Task ClientBudget_BurstAboveBudget_WaitsInsteadOfHitting429()
    {
        // frontendOpenOrders weighs 20: 6 requests = 120 against a client budget of 50 per second -> over 1 s of
        // waiting. The client keeps a margin under the server's 60 because the server's bucket starts draining only when
        // the first request arrives (connection set-up latency), a little later than the client's.
        var window = TimeSpan.FromSeconds(1);
        await using var h = await VenueHarness.StartAsync(
            new LocalVenueOptions { RateLimitWeight = 60, RateLimitWindow = window },
            o => o with { RateLimitWeight = 50, RateLimitWindow = window });
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 6; i++)
        {
            _ = await h.Adapter.GetOpenOrdersAsync(null, CancellationToken.None);
        }

        Assert.Equal(0, h.Venue.RateLimited);
        Assert.Equal(0, h.Adapter.Context.Rest.RateLimitedResponses);
        Assert.Equal(120, h.Adapter.Context.Rest.Limiter.Charged);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Http429_VenueBudgetSmallerThanClients_BacksOffAndCompletes()
    {
        await using var h = await VenueHarness.StartAsync(
            new LocalVenueOptions { RateLimitWeight = 20, RateLimitWindow = TimeSpan.FromSeconds(1) },
            o => o with { RateLimitWeight = 10_000, MaxRetries = 8, BackoffInitial = TimeSpan.FromMilliseconds(100), BackoffMax = TimeSpan.FromMilliseconds(500) });

        for (var i = 0; i < 20; i++)
        {
            _ = await h.Adapter.GetPositionsAsync(CancellationToken.None);
        }

        Assert.True(h.Venue.RateLimited > 0);
        Assert.Equal(h.Venue.RateLimited, h.Adapter.Context.Rest.RateLimitedResponses);
    }

    [Fact]
    public async Task FaultProfile_LatencyErrorsDropsAndReordering_OrdersPlacedOnceAndEveryFillStreamed()
    {
        var faults = new FaultProfile { LatencyMs = 2, LatencyJitterMs = 5, Rate429 = 0.1, Rate5xx = 0.1, WsDropEveryMs = 700, OutOfOrderRate = 0.3, Seed = 3 };
        await using var h = await VenueHarness.StartAsync(new LocalVenueOptions { Faults = faults }, o => o with { MaxRetries = 10 });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var fills = new List<OrderFilled>();
        var stream = Task.Run(async () =>
        {
            await foreach (var e in h.Adapter.StreamExecutionEventsAsync(cts.Token))
            {
                if (e is OrderFilled f)
                {
                    lock (fills)
                    {
                        fills.Add(f);
                    }
                }
            }
        }, cts.Token);
        await AdapterVenueTests.WaitUntilAsync(() => h.Venue.WebSocketConnections >= 1);
        var mid = await AdapterVenueTests.MidAsync(h, "ETH");

        for (var i = 0; i < 6; i++)
        {
            await PlaceOnceAsync(h, new SubmitOrder($"O-f{i}", "ETH", OrderSide.Buy, OrderType.Limit, 0.01m, mid * 1.05m));
            await Task.Delay(150);
        }

        await AdapterVenueTests.WaitUntilAsync(() => { lock (fills) { return fills.Select(f => f.ClientOrderId).Distinct().Count() == 6; } }, TimeSpan.FromSeconds(15));
        await cts.CancelAsync();
        await stream.ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Equal(0.06m, h.Venue.PositionOf(h.Key.Address, "ETH"));
        Assert.Equal(6, fills.Select(f => f.FillId).Distinct().Count());
        Assert.True(h.Venue.InjectedFaults > 0);
    }

    /// <summary>What the order manager does with an ambiguous failure: look the order up, resend only if it never arrived.</summary>
    private static async Task PlaceOnceAsync(VenueHarness h, SubmitOrder order)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                var ack = await h.Adapter.PlaceOrderAsync(order, CancellationToken.None);
                Assert.True(ack.Accepted, ack.RejectReason);
                return;
            }
            catch (ExchangeException e) when (e.IsTransient)
            {
                if (await LookUpAsync(h, order) is not null)
                {
                    return;
                }
            }
        }

        Assert.Fail($"order {order.ClientOrderId} could not be placed");
    }

    private static async Task<VenueOrder?> LookUpAsync(VenueHarness h, SubmitOrder order)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await h.Adapter.GetOrderByClientIdAsync(order.Symbol, order.ClientOrderId, CancellationToken.None);
            }
            catch (ExchangeException) when (attempt < 10)
            {
            }
        }
    }
}
