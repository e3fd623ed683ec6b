using System.Diagnostics;
using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Risk.Sizing;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk;

/// <summary>
/// Times the risk hot paths with 50 open positions and a warmed history: EvaluateTradeRisk (target p99 &lt; 20 us), the
/// position sizer (&lt; 5 us), a regime update with a one-year percentile window (&lt; 1 ms) and OnBar. Each call is
/// timed on its own after a warm-up; inputs rotate so branches vary (approve, resize, reject).
/// </summary>
internal static class RiskBenchmark
{
    public const int Positions = 50;

    public static IReadOnlyList<LatencyStats> Run(TimeProvider time, int iterations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 100);
        var rng = new Random(seed);
        var symbols = Enumerable.Range(0, Positions).Select(i => "SYM" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var positions = symbols.Select(s => new PositionSnapshot(s, (rng.NextDouble() - 0.5) * 20, 10 + (rng.NextDouble() * 100))).ToArray();
        var portfolio = new PortfolioSnapshot(1_000_000, positions);
        var manager = new RiskManager(new RiskGenome { MaxTradesPerHour = 1e9 }, time);
        var returns = new Dictionary<string, double>(StringComparer.Ordinal);
        var equity = 1_000_000.0;
        for (var bar = 0; bar < 40; bar++)
        {
            foreach (var s in symbols)
            {
                returns[s] = (rng.NextDouble() - 0.5) * 0.02;
            }

            equity *= 1 + ((rng.NextDouble() - 0.5) * 0.002);
            manager.OnBar(portfolio with { Equity = equity }, MarketState.Unknown, returns);
        }

        var orders = Enumerable.Range(0, 256).Select(i => new OrderIntent(symbols[i % Positions], (rng.NextDouble() - 0.5) * 4_000, positions[i % Positions].MarkPrice)).ToArray();
        var context = new TradeRiskContext(portfolio);
        var evaluate = Time(iterations, i => manager.EvaluateTradeRisk(orders[i & 255], context).ApprovedQuantity);

        var sizer = new PositionSizer(manager.Genome);
        var requests = Enumerable.Range(0, 256).Select(i => new SizingRequest((SizingMethod)(i % 4), 50, 1_000_000, portfolio.TotalExposure(), (RiskLevel)(i % 3), (MarketRegime)(i % 5))
        {
            AssetVolatility = 0.5 + rng.NextDouble(),
            Atr = 1 + rng.NextDouble(),
            WinRate = 0.4 + (rng.NextDouble() * 0.3),
            PayoffRatio = 1 + rng.NextDouble(),
            CorrelationToPortfolio = rng.NextDouble(),
            VolatilityPercentile = rng.NextDouble(),
        }).ToArray();
        var size = Time(iterations, i => sizer.Size(requests[i & 255]).Quantity);

        var regime = new RegimeDetector();
        var price = 100.0;
        for (var d = 0; d < 400; d++)
        {
            price *= Math.Exp((rng.NextDouble() - 0.5) * 0.08);
            regime.Update(price, 50);
        }

        var closes = Enumerable.Range(0, 256).Select(_ => price *= Math.Exp((rng.NextDouble() - 0.5) * 0.08)).ToArray();
        var regimeStats = Time(Math.Max(100, iterations / 10), i => regime.Update(closes[i & 255], 50).VolatilityPercentile);

        var bars = Time(Math.Max(100, iterations / 10), i => manager.OnBar(portfolio, MarketState.Unknown, returns).Metrics.TotalExposurePct);
        return
        [
            LatencyStats.FromTicks("evaluate_trade_risk", evaluate, 20),
            LatencyStats.FromTicks("position_sizer", size, 5),
            LatencyStats.FromTicks("regime_update", regimeStats, 1_000),
            LatencyStats.FromTicks("on_bar", bars, null),
        ];
    }

    private static long[] Time(int iterations, Func<int, double> op)
    {
        var sink = 0.0;
        for (var i = 0; i < Math.Min(iterations, 20_000); i++)
        {
            sink += op(i);
        }

        var ticks = new long[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            sink += op(i);
            ticks[i] = Stopwatch.GetTimestamp() - t0;
        }

        GC.KeepAlive(sink);
        return ticks;
    }
}
