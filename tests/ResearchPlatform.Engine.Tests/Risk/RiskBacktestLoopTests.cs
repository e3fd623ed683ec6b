using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Breakers;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Risk.Sizing;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Risk;
using Xunit.Abstractions;

namespace ResearchPlatform.Engine.Tests.Risk;

/// <summary>A long-only daily loop over real BTC data (2017-2022) with the full risk stack, to see breakers stop trading.</summary>
public sealed class RiskBacktestLoopTests(ITestOutputHelper output)
{
    [Fact]
    public void DailyLoop_RealBtcDaily_TotalDrawdownBreakerFlattensAndStopsTrading()
    {
        var data = TestData.SharedDataPath();
        if (data is null)
        {
            output.WriteLine("SKIPPED: shared data folder not found (set RP_SHARED_DATA or place it at ../shared/data)");
            return;
        }

        var bars = LoadDaily(Path.Combine(data, "crypto", "binance-1d", "BTC_USDT-1d.json"));
        var sentiment = new FearGreedHistory(LoadFearGreed(Path.Combine(data, "sentiment", "fear_greed_alternative_me.csv")));
        var genome = new RiskGenome { MaxPositionSizePct = 0.95, ConcentrationLimitPct = 1.0, DailyDrawdownLimitPct = 0.15, TotalDrawdownLimitPct = 0.20 };
        var time = new ManualTimeProvider(bars[0].Open);
        var risk = new RiskManager(genome, time);
        var sizer = new PositionSizer(genome);
        var regime = new RegimeDetector();

        double cash = 100_000, qty = 0, entryCost = 0;
        var equities = new List<double>();
        var buysAfterEmergency = 0;
        DateTimeOffset? emergencyAt = null;
        for (var i = 0; i < bars.Count; i++)
        {
            var (open, close) = bars[i];
            time.Now = open.AddDays(1); // decisions at the bar's close
            var equity = cash + (qty * close);
            equities.Add(equity);
            var fg = sentiment.ValueAsOf(time.Now);
            var rs = regime.Update(close, fg);
            var positions = qty > 0 ? new[] { new PositionSnapshot("BTC", qty, close) } : [];
            var portfolio = new PortfolioSnapshot(equity, positions);
            var returns = i > 0 ? new Dictionary<string, double> { ["BTC"] = (close / bars[i - 1].Close) - 1 } : null;
            var update = risk.OnBar(portfolio, new MarketState(rs.VolatilityPercentile, fg, rs.Regime), returns);
            if (update.LevelChange is { } change)
            {
                output.WriteLine($"{time.Now:yyyy-MM-dd} {change.From} -> {change.To}: {string.Join(", ", change.ActiveBreakers.Select(b => $"{b.Name}={b.Value:0.###}"))}");
                if (change.To == RiskLevel.Emergency)
                {
                    emergencyAt ??= time.Now;
                }
            }

            if (qty > 0 && update.Level >= RiskLevel.Critical)
            {
                var exit = risk.EvaluateTradeRisk(new OrderIntent("BTC", -qty, close), new TradeRiskContext(portfolio));
                Assert.Equal(RiskDecision.Approve, exit.Decision);
                cash += qty * close;
                risk.OnFill();
                risk.OnTradeClosed((qty * close) - entryCost, equity);
                qty = 0;
            }
            else if (qty == 0)
            {
                var size = sizer.Size(new SizingRequest(SizingMethod.FixedFraction, close, equity, 0, update.Level, rs.Regime));
                var verdict = risk.EvaluateTradeRisk(new OrderIntent("BTC", size.Quantity, close), new TradeRiskContext(portfolio));
                if (verdict.Decision != RiskDecision.Reject && verdict.ApprovedQuantity > 0)
                {
                    qty = verdict.ApprovedQuantity;
                    entryCost = qty * close;
                    cash -= entryCost;
                    risk.OnFill();
                    if (emergencyAt is not null)
                    {
                        buysAfterEmergency++;
                    }
                }
            }
        }

        // The emergency comes on the first close where the equity is 20% below its running peak (computed here independently).
        var peak = double.MinValue;
        var firstBreach = -1;
        for (var i = 0; i < equities.Count && firstBreach < 0; i++)
        {
            peak = Math.Max(peak, equities[i]);
            if ((peak - equities[i]) / peak >= 0.20)
            {
                firstBreach = i;
            }
        }

        Assert.NotNull(emergencyAt);
        Assert.Equal(bars[firstBreach].Open.AddDays(1), emergencyAt);
        Assert.Contains(risk.LevelChanges.First(c => c.To == RiskLevel.Emergency).ActiveBreakers, b => b.Name == CircuitBreakerRules.TotalDrawdown);
        Assert.Equal(0, buysAfterEmergency);
        Assert.Equal(0, qty);
        Assert.Equal(equities[firstBreach + 1], equities[^1]); // flat in cash from the day after the breach to the end
        output.WriteLine($"emergency {emergencyAt:yyyy-MM-dd}, final equity {equities[^1]:0}, BTC {bars[firstBreach].Close:0} -> {bars[^1].Close:0}");
    }

    private static List<(DateTimeOffset Open, double Close)> LoadDaily(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray()
            .Select(r => (DateTimeOffset.FromUnixTimeMilliseconds(r[0].GetInt64()), r[4].GetDouble()))
            .ToList();
    }

    private static IEnumerable<FearGreedPoint> LoadFearGreed(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(',')).Select(f => new FearGreedPoint(
            DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(long.Parse(f[2], CultureInfo.InvariantCulture)).UtcDateTime),
            int.Parse(f[0], CultureInfo.InvariantCulture)));
}
