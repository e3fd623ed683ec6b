using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Simulation;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Data;
using Xunit.Abstractions;

namespace ResearchPlatform.Engine.Tests.Paper.Simulation;

public sealed class SyntheticMarketGeneratorTests(ITestOutputHelper output)
{
    private static readonly BarInterval Hour = BarInterval.Parse("1h");
    private static readonly SyntheticMarketParameters P = SyntheticMarketParameters.Default;

    [Fact]
    public void Generate_SameSeed_IdenticalBars_OtherSeedDifferent()
    {
        var a = SyntheticMarketGenerator.Generate(P, "SIM", Hour, 3000, seed: 7);
        var b = SyntheticMarketGenerator.Generate(P, "SIM", Hour, 3000, seed: 7);
        var c = SyntheticMarketGenerator.Generate(P, "SIM", Hour, 3000, seed: 8);

        Assert.Equal(a.Bars.Close, b.Bars.Close);
        Assert.Equal(a.Bars.High, b.Bars.High);
        Assert.Equal(a.Bars.Volume, b.Bars.Volume);
        Assert.Equal(a.Regimes, b.Regimes);
        Assert.NotEqual(a.Bars.Close, c.Bars.Close);
        for (var i = 0; i < a.Bars.Count; i++)
        {
            Assert.True(a.Bars.High[i] >= Math.Max(a.Bars.Open[i], a.Bars.Close[i]) && a.Bars.Low[i] <= Math.Min(a.Bars.Open[i], a.Bars.Close[i]) && a.Bars.Low[i] > 0 && a.Bars.Volume[i] > 0, $"bar {i}");
            Assert.Equal(i == 0 ? P.StartPrice : a.Bars.Close[i - 1], a.Bars.Open[i]);
        }
    }

    [Fact]
    public void Generate_LongSeries_RealisedVolPerRegimeAndRegimePersistenceMatchParameters()
    {
        var m = SyntheticMarketGenerator.Generate(P, "SIM", Hour, 80_000, seed: 11);

        foreach (var regime in Enum.GetValues<SimulatedRegime>())
        {
            var returns = Enumerable.Range(1, m.Bars.Count - 1).Where(i => m.Regimes[i] == regime).Select(i => Math.Log(m.Bars.Close[i] / m.Bars.Open[i])).ToArray();
            var mean = returns.Average();
            var vol = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1) * 24 * 365.25);
            var expected = P.Regimes[(int)regime].TotalVolatility;
            var stays = Enumerable.Range(1, m.Bars.Count - 1).Where(i => m.Regimes[i - 1] == regime).ToArray();
            var stay = stays.Count(i => m.Regimes[i] == regime) / (double)stays.Length;
            output.WriteLine($"{regime}: {returns.Length} bars, realised vol {vol:P1} vs {expected:P1}; stay {stay:F4} vs {P.Transitions[(int)regime][(int)regime]}");
            Assert.True(returns.Length > 2000, $"{regime}: {returns.Length} bars");
            Assert.InRange(vol / expected, 0.9, 1.1);
            Assert.InRange(stay, P.Transitions[(int)regime][(int)regime] - 0.01, P.Transitions[(int)regime][(int)regime] + 0.01);
        }
    }

    [Fact]
    public async Task PaperRun_OverSameSimulatedMarket_IdenticalOrdersAndEquity()
    {
        var bars = SyntheticMarketGenerator.Generate(P, "SIM", Hour, 1500, seed: 3).Bars;
        var strategy = new PaperStrategy("m", new MomentumTestSeed(), [3]);
        var options = new PaperOptions { Risk = new Sdk.Risk.RiskGenome() };

        var a = (await PaperReplayEngine.RunAsync("a", bars, [strategy], options, null, null, null, CancellationToken.None)).Strategies[0];
        var b = (await PaperReplayEngine.RunAsync("b", bars, [strategy], options, null, null, null, CancellationToken.None)).Strategies[0];

        Assert.True(a.Orders.Count > 20, $"{a.Orders.Count} orders");
        Assert.Equal(a.FinalEquity, b.FinalEquity);
        Assert.Equal(a.Orders.Select(o => (o.ClientOrderId, o.State, o.FilledQuantity, o.AverageFillPrice)), b.Orders.Select(o => (o.ClientOrderId, o.State, o.FilledQuantity, o.AverageFillPrice)));
        Assert.True(a.Reconciliation!.Agrees, string.Join("; ", a.Reconciliation.Problems));
    }
}
