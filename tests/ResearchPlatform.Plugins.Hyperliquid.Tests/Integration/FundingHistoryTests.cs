using System.Globalization;
using System.Text.Json.Nodes;
using ResearchPlatform.Plugins.Hyperliquid.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Integration;

/// <summary>
/// fundingHistory through the adapter (<see cref="IFundingHistorySource"/>) against the local venue over HTTP, and the
/// venue charging its own schedule on open positions (userFunding, read back through <see cref="IFundingPaymentSource"/>).
/// </summary>
public sealed class FundingHistoryTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task GetFundingHistoryAsync_1234Hours_PagesAndReturnsEveryServedRateOnce()
    {
        await using var h = await VenueHarness.StartAsync();
        IFundingHistorySource source = h.Adapter;
        var to = h.Venue.LatestOpen;
        var from = to - (Hour * 1234);
        var before = h.Venue.Requests;

        var rates = await source.GetFundingHistoryAsync("ETH", from, to, None);

        Assert.Equal(1234, rates.Count);
        Assert.True(h.Venue.Requests - before >= 3, $"{h.Venue.Requests - before} requests for 1234 rates at 500 per page");
        for (var i = 0; i < rates.Count; i++)
        {
            Assert.Equal(from + (Hour * i), rates[i].Time);
            Assert.Equal(("ETH", h.Venue.FundingRateAt("ETH", rates[i].Time)), (rates[i].Symbol, rates[i].Rate));
        }

        Assert.True(rates.Select(r => r.Rate).Distinct().Count() > 1000, "the schedule varies hour by hour");
        Assert.InRange(rates.Average(r => r.Rate), 0.0000125m - 0.000002m, 0.0000125m + 0.000002m);
        Assert.Empty(await source.GetFundingHistoryAsync("ETH", to + Hour, to + (Hour * 10), None));
    }

    [Fact]
    public async Task LocalVenue_OpenPosition_PaysScheduledFundingEveryHour()
    {
        await using var h = await VenueHarness.StartAsync();
        var mid = await AdapterVenueTests.MidAsync(h);
        var ack = await h.Adapter.PlaceOrderAsync(new SubmitOrder("F-1", "BTC", OrderSide.Buy, OrderType.Limit, 0.2m, mid * 1.01m), None);
        Assert.True(ack.Accepted, ack.RejectReason);
        var opened = h.Venue.LatestOpen;
        for (var i = 0; i < 24; i++)
        {
            h.Venue.Step();
        }

        var candles = await h.Adapter.GetCandlesAsync("BTC", Sdk.Data.BarInterval.Parse("1h"), opened, h.Venue.LatestOpen + Hour, None);
        var request = new JsonObject { ["type"] = "userFunding", ["user"] = h.Key.Address, ["startTime"] = 0 };
        var payments = (JsonArray)(await h.Adapter.Context.Rest.InfoAsync(request, None))!;

        Assert.Equal(24, payments.Count);
        Assert.Equal(25, candles.Count);
        var total = 0m;
        for (var i = 0; i < 24; i++)
        {
            var delta = payments[i]!["delta"]!;
            var time = DateTimeOffset.FromUnixTimeMilliseconds(payments[i]!["time"]!.GetValue<long>());
            var rate = h.Venue.FundingRateAt("BTC", time);
            var expected = decimal.Round(-0.2m * candles[i].Close * rate, 8, MidpointRounding.AwayFromZero);
            Assert.Equal(candles[i + 1].OpenTime, time);
            Assert.Equal(rate, Dec(delta, "fundingRate"));
            Assert.Equal(0.2m, Dec(delta, "szi"));
            Assert.Equal(expected, Dec(delta, "usdc"));
            total += expected;
        }

        Assert.True(total < 0m, "a long pays a positive baseline rate");
    }

    [Fact]
    public async Task GetFundingPaymentsAsync_ThreeCoins250Hours_PagesThroughSharedTimesAndReturnsEachPaymentOnce()
    {
        await using var h = await VenueHarness.StartAsync();
        IFundingPaymentSource source = h.Adapter;
        foreach (var (coin, qty, id) in new[] { ("BTC", 0.2m, "P-1"), ("ETH", 1m, "P-2"), ("SOL", 1m, "P-3") })
        {
            var book = await h.Adapter.Context.Rest.InfoAsync(new JsonObject { ["type"] = "allMids" }, None);
            var mid = decimal.Parse(book![coin]!.GetValue<string>(), CultureInfo.InvariantCulture);
            var ack = await h.Adapter.PlaceOrderAsync(new SubmitOrder(id, coin, OrderSide.Buy, OrderType.Limit, qty, Math.Ceiling(mid * 1.01m)), None);
            Assert.True(ack.Accepted, ack.RejectReason);
        }

        var opened = h.Venue.LatestOpen;
        for (var i = 0; i < 250; i++)
        {
            h.Venue.Step();
        }

        // 750 payments, three per funding hour: the 500-entry pages end inside an hour (500 = 3 x 166 + 2).
        var all = await source.GetFundingPaymentsAsync(DateTimeOffset.UnixEpoch, h.Venue.LatestOpen + Hour, None);

        Assert.Equal(750, all.Count);
        Assert.Equal(750, all.Select(p => (p.Symbol, p.Time)).Distinct().Count());
        foreach (var coin in new[] { "BTC", "ETH", "SOL" })
        {
            var times = all.Where(p => p.Symbol == coin).Select(p => p.Time).ToList();
            Assert.Equal(Enumerable.Range(1, 250).Select(i => opened + (Hour * i)), times);
        }

        Assert.All(all, p => Assert.Equal(h.Venue.FundingRateAt(p.Symbol, p.Time), p.Rate));
        Assert.All(all.Where(p => p.Symbol == "BTC"), p => Assert.Equal(0.2m, p.PositionQuantity));
        Assert.All(all, p => Assert.Equal(Math.Sign(-p.Rate), Math.Sign(p.Amount)));
        var window = await source.GetFundingPaymentsAsync(opened + (Hour * 10), opened + (Hour * 20), None);
        Assert.Equal(all.Where(p => p.Time >= opened + (Hour * 10) && p.Time < opened + (Hour * 20)), window);
    }

    private static decimal Dec(JsonNode node, string field) => decimal.Parse(node[field]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
