using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Retry;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;
using Xunit.Abstractions;

namespace ResearchPlatform.Engine.Tests.Execution.Simulated;

/// <summary>
/// 2,000 mixed orders against a venue that fails requests at the given total rate (split evenly over timeouts,
/// dropped acks, 429 and 5xx), repeats fills and reorders events at the same rate. Every order must end terminal,
/// none may reach the venue twice, retries stay bounded, and manager and venue agree on fills and position.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    private const int Orders = 2_000;
    private const int MaxRetries = 6;

    [Theory]
    [InlineData(0.10, 1)]
    [InlineData(0.20, 2)]
    [InlineData(0.30, 3)]
    public async Task Run_FaultsAtRate_EveryOrderTerminalNoDuplicatesRetriesBounded(double rate, int seed)
    {
        using var h = await RunScenario(rate, seed, Orders);
        AssertInvariants(h, rate);
    }

    [Fact]
    public async Task Run_SameSeeds_ByteIdenticalJournal()
    {
        using var a = await RunScenario(0.2, 9, 300);
        using var b = await RunScenario(0.2, 9, 300);
        a.Journal.Dispose();
        b.Journal.Dispose();

        var ja = await File.ReadAllTextAsync(a.JournalPath);
        Assert.True(ja.Length > 10_000);
        Assert.Equal(ja, await File.ReadAllTextAsync(b.JournalPath));
        Assert.Equal(a.Manager.Stats, b.Manager.Stats);
    }

    private static async Task<ExecutionHarness> RunScenario(double rate, int seed, int orders)
    {
        var faults = new VenueFaultOptions
        {
            TimeoutRate = rate / 4,
            DroppedAckRate = rate / 4,
            RateLimitRate = rate / 4,
            ServerErrorRate = rate / 4,
            DuplicateFillRate = rate,
            OutOfOrderRate = rate,
            RetryAfter = TimeSpan.FromMilliseconds(500),
            Seed = seed,
        };
        var venueOptions = ExecutionHarness.DefaultVenue() with { Faults = faults, ParticipationCap = 0.2m, SlippageBps = 1m, ImpactBps = 5m };
        var h = new ExecutionHarness(venueOptions, new ExchangeRetryOptions { MaxRetryAttempts = MaxRetries, Seed = seed }, fsync: false);
        await h.StartAsync();
        var random = new Random(seed);
        var price = 100m;
        h.Bar(price, price, price, price, 10m);

        for (var i = 0; i < orders; i++)
        {
            await SubmitRandom(h, random, price);
            h.Pump();
            if (i % 7 == 3)
            {
                await CancelSomeOpen(h, random);
            }

            if (i % 10 == 9)
            {
                price = NextBar(h, random, price);
                h.Pump();
            }
        }

        await Settle(h, random, price);
        return h;
    }

    private static async Task SubmitRandom(ExecutionHarness h, Random random, decimal price)
    {
        var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
        var qty = (random.Next(1, 10) * 0.1m) + 0.1m;
        var offset = (decimal)(random.NextDouble() * 2 - 1) * price * 0.01m;
        var limit = decimal.Round(price + offset, 1);
        var pick = random.Next(100);
        var (type, tif) = pick switch
        {
            < 35 => (OrderType.Market, TimeInForce.Gtc),
            < 65 => (OrderType.Limit, TimeInForce.Gtc),
            < 80 => (OrderType.Limit, TimeInForce.Ioc),
            < 92 => (OrderType.Limit, TimeInForce.Alo),
            _ => (side == OrderSide.Buy ? OrderType.Stop : OrderType.TakeProfit, TimeInForce.Gtc),
        };
        await h.Manager.SubmitAsync(
            new OrderRequest("BTC", side, type, qty, price, h.Clock.GetUtcNow(), type == OrderType.Limit ? limit : null,
                type is OrderType.Stop or OrderType.TakeProfit ? decimal.Round(price * 1.005m, 1) : null, tif),
            CancellationToken.None);
    }

    private static async Task CancelSomeOpen(ExecutionHarness h, Random random)
    {
        foreach (var o in h.Manager.Orders.Where(o => o.State is OrderState.Accepted or OrderState.PartiallyFilled).ToList())
        {
            if (random.NextDouble() < 0.3)
            {
                await h.Manager.CancelAsync(o.ClientOrderId, CancellationToken.None);
            }
        }
    }

    private static decimal NextBar(ExecutionHarness h, Random random, decimal price)
    {
        var open = price;
        var close = decimal.Round(open * (1 + (decimal)((random.NextDouble() - 0.5) * 0.02)), 1);
        var high = Math.Max(open, close) + 0.5m;
        var low = Math.Min(open, close) - 0.5m;
        h.Bar(open, high, low, close, volume: 20m);
        return close;
    }

    private static async Task Settle(ExecutionHarness h, Random random, decimal price)
    {
        for (var round = 0; round < 20 && h.Manager.Orders.Any(o => !o.IsTerminal); round++)
        {
            foreach (var o in h.Manager.Orders.Where(o => !o.IsTerminal && o.State != OrderState.PendingCancel).ToList())
            {
                await h.Manager.CancelAsync(o.ClientOrderId, CancellationToken.None);
            }

            price = NextBar(h, random, price);
            h.Pump();
            try
            {
                await h.Manager.ReconcileAsync(CancellationToken.None);
            }
            catch (ExchangeException)
            {
                // a reconciliation query exhausted its retries: try again next round
            }

            h.Pump();
        }
    }

    private void AssertInvariants(ExecutionHarness h, double rate)
    {
        var stats = h.Manager.Stats;
        var venueFaults = h.Venue.Faults;
        output.WriteLine($"rate {rate:P0}: {stats}");
        output.WriteLine($"venue faults: {venueFaults}");

        Assert.Equal(Orders, h.Manager.Orders.Count);
        Assert.All(h.Manager.Orders, o => Assert.True(o.IsTerminal, $"order {o.ClientOrderId} ended {o.State}"));
        Assert.All(h.Venue.Placements, p => Assert.True(p.Value == 1, $"order {p.Key} reached the venue {p.Value} times"));
        Assert.InRange(stats.MostRetriesForOneCall, 1, MaxRetries);
        Assert.True(stats.PlaceCalls <= (stats.Submitted + stats.Resubmitted) * (MaxRetries + 1));
        Assert.True(venueFaults.Timeouts + venueFaults.DroppedAcks + venueFaults.RateLimited + venueFaults.ServerErrors > Orders * rate * 0.5);
        Assert.True(venueFaults.DuplicateFills > 0 && venueFaults.Reordered > 0);

        // every kind was injected, each at a rate near its share (rate / 4 of the requests; orders alone are a lower bound)
        var perKind = Orders * rate / 4;
        Assert.All(
            new[] { ("timeouts", venueFaults.Timeouts), ("dropped acks", venueFaults.DroppedAcks), ("429", venueFaults.RateLimited), ("5xx", venueFaults.ServerErrors) },
            k => Assert.True(k.Item2 >= perKind * 0.5, $"{k.Item1}: {k.Item2} injected, expected about {perKind} or more"));
        Assert.True(stats.ResolvedByQuery > 0, "a dropped ack (applied, then timed out) was resolved by asking the venue for the client id");
        Assert.True(stats.DuplicateEvents >= venueFaults.DuplicateFills, $"{stats.DuplicateEvents} duplicates ignored, {venueFaults.DuplicateFills} injected");
        Assert.Equal(h.Venue.PositionOf("BTC"), h.Manager.Positions.QuantityOf("BTC"));
        foreach (var o in h.Manager.Orders)
        {
            var v = h.Venue.Peek(o.ClientOrderId);
            if (v is null)
            {
                // retries exhausted, then canceled before it ever reached the venue
                Assert.Equal((OrderState.Canceled, 0m), (o.State, o.FilledQuantity));
                continue;
            }

            Assert.Equal(v.FilledQuantity, o.FilledQuantity);
            Assert.Equal(v.Status.ToString(), o.State.ToString());
        }
    }
}
